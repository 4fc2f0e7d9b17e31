/* pw-drafts.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PW_DRAFTS_FORMAT          "phasewise-drafts"
#define PW_DRAFTS_FORMAT_VERSION  1
#define PW_DRAFTS_MAX_DRAFTS      100
#define PW_DRAFTS_INDEX_NAME      "index.json"
#define PW_DRAFTS_SUFFIX          ".phasewise"

typedef struct _PwDraftInfo PwDraftInfo;

/**
 * PwDraftInfo:
 * @id: the draft's id, a valid identifier (pw_is_valid_id())
 * @uri: (nullable): the document's own file, or %NULL for an untitled one
 * @title: the title shown for the document, never %NULL
 * @file_checksum: (nullable): the checksum of @uri's contents that the
 *   draft's changes were made on (pw_file_checksum_bytes()), or %NULL when
 *   unknown: when the file holds something else now, it changed after the
 *   draft's changes began, and the draft must not be saved over it without
 *   asking
 * @saved_unix: when the draft was written, in seconds since 1970
 *
 * One draft, as listed in the drafts index.
 */
struct _PwDraftInfo
{
  char     *id;
  char     *uri;
  char     *title;
  char     *file_checksum;
  gint64    saved_unix;
};

#define PW_TYPE_DRAFT_INFO (pw_draft_info_get_type ())

GType        pw_draft_info_get_type        (void) G_GNUC_CONST;
PwDraftInfo *pw_draft_info_copy            (const PwDraftInfo *info);
void         pw_draft_info_free            (PwDraftInfo       *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PwDraftInfo, pw_draft_info_free)

#define PW_TYPE_DRAFTS (pw_drafts_get_type ())

G_DECLARE_FINAL_TYPE (PwDrafts, pw_drafts, PW, DRAFTS, GObject)

PwDrafts    *pw_drafts_new                 (const char          *directory);
const char  *pw_drafts_get_directory       (PwDrafts            *self);
char        *pw_drafts_new_id              (void);
gboolean     pw_drafts_begin_session       (PwDrafts            *self,
                                            GPtrArray          **recovered,
                                            GError             **error);
gboolean     pw_drafts_end_session         (PwDrafts            *self,
                                            GError             **error);
gboolean     pw_drafts_get_crashed         (PwDrafts            *self);
gboolean     pw_drafts_save                (PwDrafts            *self,
                                            const char          *id,
                                            GFile               *file,
                                            const char          *file_checksum,
                                            const char          *title,
                                            GBytes              *contents,
                                            GError             **error);
void         pw_drafts_save_async          (PwDrafts            *self,
                                            const char          *id,
                                            GFile               *file,
                                            const char          *file_checksum,
                                            const char          *title,
                                            GBytes              *contents,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean     pw_drafts_save_finish         (PwDrafts            *self,
                                            GAsyncResult        *result,
                                            GError             **error);
gboolean     pw_drafts_remove              (PwDrafts            *self,
                                            const char          *id,
                                            GError             **error);
void         pw_drafts_remove_async        (PwDrafts            *self,
                                            const char          *id,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean     pw_drafts_remove_finish       (PwDrafts            *self,
                                            GAsyncResult        *result,
                                            GError             **error);
GBytes      *pw_drafts_load                (PwDrafts            *self,
                                            const char          *id,
                                            GError             **error);
GPtrArray   *pw_drafts_list                (PwDrafts            *self);

G_END_DECLS
