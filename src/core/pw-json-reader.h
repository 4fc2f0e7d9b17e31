/* pw-json-reader.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pw-validate.h"

G_BEGIN_DECLS

/**
 * PwJsonFlags:
 * @PW_JSON_OPTIONAL: the member may be absent (or null)
 * @PW_JSON_REQUIRED: the member must be there and not null
 * @PW_JSON_NON_EMPTY: a text must hold something visible: not "", nor only
 *   white space and invisible characters
 * @PW_JSON_ID: a text must be an identifier (pw_is_valid_id())
 * @PW_JSON_DATE: a text must be empty or a date (pw_is_valid_date())
 * @PW_JSON_LINE: a text is one line, as names, labels and titles are: it may
 *   hold no control character (C0, DEL or C1, so no line break or tab) and no
 *   line or paragraph separator
 */
typedef enum
{
  PW_JSON_OPTIONAL  = 0,
  PW_JSON_REQUIRED  = 1 << 0,
  PW_JSON_NON_EMPTY = 1 << 1,
  PW_JSON_ID        = 1 << 2,
  PW_JSON_DATE      = 1 << 3,
  PW_JSON_LINE      = 1 << 4,
} PwJsonFlags;

/**
 * PwJsonReader:
 *
 * Walks an untrusted JSON tree while keeping the JSON path of the current
 * place, and collects every problem found as "$.path: message".
 */
typedef struct _PwJsonReader PwJsonReader;

typedef void (*PwJsonObjectFunc) (PwJsonReader *reader,
                                  JsonObject   *object,
                                  guint         index,
                                  gpointer      user_data);

PwJsonReader *pw_json_reader_new            (void);
void          pw_json_reader_free           (PwJsonReader     *reader);
void          pw_json_reader_push_member    (PwJsonReader     *reader,
                                             const char       *member);
void          pw_json_reader_push_index     (PwJsonReader     *reader,
                                             guint             index);
void          pw_json_reader_pop            (PwJsonReader     *reader);
const char   *pw_json_reader_get_path       (PwJsonReader     *reader);
void          pw_json_reader_problem        (PwJsonReader     *reader,
                                             const char       *member,
                                             const char       *format,
                                             ...) G_GNUC_PRINTF (3, 4);
guint         pw_json_reader_n_problems     (PwJsonReader     *reader);
gboolean      pw_json_reader_finish         (PwJsonReader     *reader,
                                             GError          **error);
void          pw_json_reader_foreach_object (PwJsonReader     *reader,
                                             JsonArray        *array,
                                             const char       *member,
                                             PwJsonObjectFunc  func,
                                             gpointer          user_data);

JsonObject   *pw_json_read_root_object      (PwJsonReader     *reader,
                                             JsonNode         *root);
gboolean      pw_json_read_string           (PwJsonReader     *reader,
                                             JsonObject       *object,
                                             const char       *member,
                                             PwJsonFlags       flags,
                                             gsize             max_chars,
                                             char            **out);
gboolean      pw_json_read_int              (PwJsonReader     *reader,
                                             JsonObject       *object,
                                             const char       *member,
                                             PwJsonFlags       flags,
                                             gint64            min,
                                             gint64            max,
                                             gint64           *out);
gboolean      pw_json_read_bool             (PwJsonReader     *reader,
                                             JsonObject       *object,
                                             const char       *member,
                                             PwJsonFlags       flags,
                                             gboolean         *out);
JsonObject   *pw_json_read_object           (PwJsonReader     *reader,
                                             JsonObject       *object,
                                             const char       *member,
                                             PwJsonFlags       flags);
JsonArray    *pw_json_read_array            (PwJsonReader     *reader,
                                             JsonObject       *object,
                                             const char       *member,
                                             PwJsonFlags       flags,
                                             guint             max_length);
JsonObject   *pw_json_read_element_object   (PwJsonReader     *reader,
                                             JsonArray        *array,
                                             guint             index);
gboolean      pw_json_read_element_string   (PwJsonReader     *reader,
                                             JsonArray        *array,
                                             guint             index,
                                             PwJsonFlags       flags,
                                             gsize             max_chars,
                                             char            **out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PwJsonReader, pw_json_reader_free)

G_END_DECLS
