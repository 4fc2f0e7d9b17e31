/* pw-utils-private.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean _pw_set_str        (char       **field,
                             const char  *value);
char    *_pw_strdup_capped  (const char  *value,
                             gsize        max_chars);
gboolean _pw_set_str_capped (char       **field,
                             const char  *value,
                             gsize        max_chars);
char    *_pw_strdup_line_capped (const char  *value,
                                 gsize        max_chars);
gboolean _pw_set_line_capped    (char       **field,
                                 const char  *value,
                                 gsize        max_chars);
gboolean _pw_is_invisible_char  (gunichar     c);
char    *_pw_escape_invisible   (const char  *text);
GDate   *_pw_date_init_today    (GDate       *date);

GString *_pw_csv_new            (void);
void     _pw_csv_append_field   (GString     *out,
                                 const char  *value,
                                 gboolean     last);

G_END_DECLS
