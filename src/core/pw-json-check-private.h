/* pw-json-check-private.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "pw-error.h"
#include "pw-json-check.h"

G_BEGIN_DECLS

/* What is shown of a token in a message, in characters. */
#define PW_JSON_CHECK_MAX_QUOTED 40

/* One open array or object. */
typedef struct
{
  gboolean  is_object;
  gsize     keys_start;  /* offset in PwJsonChecker.keys of this object's first name */
  gsize     n_keys;
  gsize    *slots;       /* NULL, or n_slots arena offsets + 1 (0 = empty) */
  gsize     n_slots;     /* a power of two */
} PwJsonFrame;

typedef struct
{
  const guchar  *data;
  gsize          length;
  gsize          pos;
  gsize          max_string;
  guint          max_depth;
  gsize          max_values;
  gsize          n_values;

  PwJsonFrame   *frames;
  guint          depth;
  guint          n_frames;
  gsize          last_comma;

  GString       *keys;
  const guint64 *hash_key;

  GError       **error;
} PwJsonChecker;

static inline gboolean
is_digit (guchar ch)
{
  return ch >= '0' && ch <= '9';
}

static inline gboolean
is_hex_digit (guchar ch)
{
  return is_digit (ch) || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
}

static inline gboolean
is_word_start (guchar ch)
{
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_' || ch == '$';
}

static inline gboolean
is_word_char (guchar ch)
{
  return is_word_start (ch) || is_digit (ch);
}

static inline gboolean
is_number_char (guchar ch)
{
  return is_word_char (ch) || ch == '.' || ch == '+' || ch == '-';
}

/* pw-json-check.c: messages, with the line and column of @offset */
gboolean  _pw_json_check_fail            (PwJsonChecker  *c,
                                          gsize           offset,
                                          PwError         code,
                                          const char     *format,
                                          ...) G_GNUC_PRINTF (4, 5);
gboolean  _pw_json_check_fail_nul        (PwJsonChecker  *c,
                                          gsize           offset);
gboolean  _pw_json_check_fail_utf8       (PwJsonChecker  *c,
                                          gsize           offset);
char     *_pw_json_check_quote           (const guchar   *p,
                                          gsize           n);
char     *_pw_json_check_quote_at        (PwJsonChecker  *c,
                                          gsize           offset,
                                          gsize           n);
gsize     _pw_json_check_char_extent     (PwJsonChecker  *c,
                                          gsize           offset);
gsize     _pw_json_check_run_extent      (PwJsonChecker  *c,
                                          gsize           offset,
                                          gboolean      (*pred) (guchar));

/* pw-json-check-scan.c: tokens */
gsize     _pw_json_check_decode_utf8     (const guchar   *p,
                                          gsize           avail,
                                          gunichar       *out);
void      _pw_json_check_skip_whitespace (PwJsonChecker  *c);
gboolean  _pw_json_check_scan_string     (PwJsonChecker  *c,
                                          gboolean        key);
gboolean  _pw_json_check_scan_number     (PwJsonChecker  *c);
gboolean  _pw_json_check_scan_word       (PwJsonChecker  *c);

/* pw-json-check-keys.c: member names */
gboolean  _pw_json_check_scan_key        (PwJsonChecker  *c);

G_END_DECLS
