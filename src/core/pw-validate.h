/* pw-validate.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Limits shared by the workbook and framework loaders. */
#define PW_MAX_ID_CHARS    64
#define PW_MAX_NAME_CHARS  500
#define PW_MAX_TEXT_CHARS  100000

gboolean pw_is_valid_id         (const char *id);
gboolean pw_is_valid_date       (const char *date);
gboolean pw_is_semantic_version (const char *version);
gboolean pw_text_is_visible      (const char *text);

G_END_DECLS
