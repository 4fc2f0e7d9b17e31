/* pw-json-util.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

JsonObject   *pw_json_collect_unknown       (JsonObject         *object,
                                             const char * const *known);
void          pw_json_append_unknown        (JsonObject         *dest,
                                             JsonObject         *unknown);
void          pw_json_set_string_if         (JsonObject         *dest,
                                             const char         *member,
                                             const char         *value);
GBytes       *pw_json_to_bytes              (JsonNode           *root);
char         *pw_json_format_double         (char               *buffer,
                                             double              value);
JsonNode     *pw_json_parse_bytes           (GBytes             *bytes,
                                             GError            **error);

char         *pw_json_quote_text            (const char         *text);

void          pw_json_path_extend           (GString            *path,
                                             const char         *member);
char         *pw_json_path_append_member    (const char         *path,
                                             const char         *member);

G_END_DECLS
