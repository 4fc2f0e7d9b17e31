/* pw-cli.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit codes of the command line. */
#define PW_EXIT_OK      0
#define PW_EXIT_INVALID 1
#define PW_EXIT_USAGE   2

int pw_cli_validate (const char * const *paths,
                     GString            *out,
                     GString            *err);
int pw_cli_summary  (const char         *path,
                     gboolean            json,
                     GString            *out,
                     GString            *err);
int pw_cli_export   (const char         *path,
                     const char         *format,
                     const char         *assessment_id,
                     const char         *paper,
                     const char         *output,
                     GString            *out,
                     GString            *err);

int pw_cli_migrate  (const char         *path,
                     const char         *output,
                     GString            *out,
                     GString            *err);

G_END_DECLS
