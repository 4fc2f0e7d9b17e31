/* pw-markdown.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The facilitator's Markdown (CommonMark, through libcmark), for each
 * place it goes.  Raw HTML in the text is never passed on, and links keep
 * only http:, https: and mailto: targets.
 */

char  *pw_markdown_to_html         (const char *markdown);
char  *pw_markdown_to_commonmark   (const char *markdown);
GStrv  pw_markdown_to_pango_blocks (const char *markdown);
char  *pw_markdown_to_plain        (const char *markdown);

G_END_DECLS
