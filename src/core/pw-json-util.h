/* pw-json-util.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Limits shared by the workbook and framework loaders. */
#define PW_MAX_ID_CHARS    64
#define PW_MAX_NAME_CHARS  500
#define PW_MAX_TEXT_CHARS  100000
#define PW_MAX_PROBLEMS    100

typedef enum
{
  PW_JSON_OPTIONAL  = 0,
  PW_JSON_REQUIRED  = 1 << 0,
  PW_JSON_NON_EMPTY = 1 << 1,
  PW_JSON_ID        = 1 << 2,
  PW_JSON_DATE      = 1 << 3,
} PwJsonFlags;

/**
 * PwJsonReader:
 *
 * Walks an untrusted JSON tree while keeping the JSON path of the current
 * place, and collects every problem found as "$.path: message".
 */
typedef struct _PwJsonReader PwJsonReader;

PwJsonReader *pw_json_reader_new            (void);
void          pw_json_reader_free           (PwJsonReader  *reader);
void          pw_json_reader_push_member    (PwJsonReader  *reader,
                                             const char    *member);
void          pw_json_reader_push_index     (PwJsonReader  *reader,
                                             guint          index);
void          pw_json_reader_pop            (PwJsonReader  *reader);
const char   *pw_json_reader_get_path       (PwJsonReader  *reader);
void          pw_json_reader_problem        (PwJsonReader  *reader,
                                             const char    *member,
                                             const char    *format,
                                             ...) G_GNUC_PRINTF (3, 4);
guint         pw_json_reader_n_problems     (PwJsonReader  *reader);
gboolean      pw_json_reader_finish         (PwJsonReader  *reader,
                                             GError       **error);

JsonObject   *pw_json_read_root_object      (PwJsonReader  *reader,
                                             JsonNode      *root);
gboolean      pw_json_read_string           (PwJsonReader  *reader,
                                             JsonObject    *object,
                                             const char    *member,
                                             PwJsonFlags    flags,
                                             gsize          max_chars,
                                             char         **out);
gboolean      pw_json_read_int              (PwJsonReader  *reader,
                                             JsonObject    *object,
                                             const char    *member,
                                             PwJsonFlags    flags,
                                             gint64         min,
                                             gint64         max,
                                             gint64        *out);
gboolean      pw_json_read_bool             (PwJsonReader  *reader,
                                             JsonObject    *object,
                                             const char    *member,
                                             PwJsonFlags    flags,
                                             gboolean      *out);
JsonObject   *pw_json_read_object           (PwJsonReader  *reader,
                                             JsonObject    *object,
                                             const char    *member,
                                             PwJsonFlags    flags);
JsonArray    *pw_json_read_array            (PwJsonReader  *reader,
                                             JsonObject    *object,
                                             const char    *member,
                                             PwJsonFlags    flags,
                                             guint          max_length);
JsonObject   *pw_json_read_element_object   (PwJsonReader  *reader,
                                             JsonArray     *array,
                                             guint          index);
gboolean      pw_json_read_element_string   (PwJsonReader  *reader,
                                             JsonArray     *array,
                                             guint          index,
                                             gsize          max_chars,
                                             char         **out);
gboolean      pw_json_check_string_value    (PwJsonReader  *reader,
                                             const char    *member,
                                             const char    *value,
                                             PwJsonFlags    flags,
                                             gsize          max_chars);

JsonObject   *pw_json_collect_unknown       (JsonObject    *object,
                                             const char * const *known);
void          pw_json_append_unknown        (JsonObject    *dest,
                                             JsonObject    *unknown);
void          pw_json_set_string_if         (JsonObject    *dest,
                                             const char    *member,
                                             const char    *value);
GBytes       *pw_json_to_bytes              (JsonNode      *root);
JsonNode     *pw_json_parse_bytes           (GBytes        *bytes,
                                             GError       **error);

void          pw_json_set_unknown           (gpointer       object,
                                             JsonObject    *unknown);
JsonObject   *pw_json_get_unknown           (gpointer       object);
void          pw_json_set_unknown_named     (gpointer       object,
                                             const char    *slot,
                                             JsonObject    *unknown);
JsonObject   *pw_json_get_unknown_named     (gpointer       object,
                                             const char    *slot);

char         *pw_json_quote_text            (const char    *text);

gboolean      pw_is_valid_id                (const char    *id);
gboolean      pw_is_valid_date              (const char    *date);
char         *pw_json_path_append_member    (const char    *path,
                                             const char    *member);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PwJsonReader, pw_json_reader_free)

G_END_DECLS
