/* pw-drafts-private.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pw-drafts.h"

G_BEGIN_DECLS

/* What pw-drafts.c and pw-drafts-index.c share: the drafts folder's files
 * and its index. */

PwDraftInfo *_pw_draft_info_new          (const char   *id);
GPtrArray   *_pw_draft_list_new          (void);
GPtrArray   *_pw_draft_list_copy         (GPtrArray    *drafts);
PwDraftInfo *_pw_draft_list_find         (GPtrArray    *drafts,
                                          const char   *id,
                                          guint        *position);

char        *_pw_drafts_get_draft_path   (const char   *directory,
                                          const char   *id);
char        *_pw_drafts_get_index_path   (const char   *directory);
void         _pw_drafts_set_errno_error  (GError      **error,
                                          int           saved_errno,
                                          const char   *format,
                                          ...) G_GNUC_PRINTF (3, 4);

GBytes      *_pw_drafts_serialize_index  (GPtrArray    *drafts,
                                          gboolean      shutdown);
gboolean     _pw_drafts_read_folder      (const char   *directory,
                                          gboolean      clean_up,
                                          GPtrArray   **drafts,
                                          gboolean     *shutdown,
                                          GError      **error);

G_END_DECLS
