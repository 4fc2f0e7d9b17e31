/* pw-document.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pw-drafts.h"
#include "pw-history.h"
#include "pw-session.h"
#include "pw-migration.h"
#include "pw-workbook.h"
#include "pw-workbook-io.h"

G_BEGIN_DECLS

/**
 * PwSaveFlags:
 * @PW_SAVE_NONE: refuse to overwrite a file that changed on disk
 * @PW_SAVE_OVERWRITE: overwrite even when the file changed on disk
 * @PW_SAVE_NO_BACKUP: do not keep a backup of the previous version
 */
typedef enum
{
  PW_SAVE_NONE      = 0,
  PW_SAVE_OVERWRITE = 1 << 0,
  PW_SAVE_NO_BACKUP = 1 << 1,
} PwSaveFlags;

#define PW_TYPE_DOCUMENT (pw_document_get_type ())

G_DECLARE_FINAL_TYPE (PwDocument, pw_document, PW, DOCUMENT, GObject)

PwDocument  *pw_document_new                    (PwSession            *session);
PwDocument  *pw_document_new_for_workbook       (PwSession            *session,
                                                 PwWorkbook           *workbook,
                                                 const char           *untitled_name);
PwSession   *pw_document_get_session            (PwDocument           *self);
PwWorkbook  *pw_document_get_workbook           (PwDocument           *self);
PwHistory   *pw_document_get_history            (PwDocument           *self);
GFile       *pw_document_get_file               (PwDocument           *self);
const char  *pw_document_get_title              (PwDocument           *self);
const char  *pw_document_get_location           (PwDocument           *self);
gboolean     pw_document_get_modified           (PwDocument           *self);
gboolean     pw_document_get_busy               (PwDocument           *self);
gboolean     pw_document_get_changed_on_disk    (PwDocument           *self);
const char  *pw_document_get_draft_id           (PwDocument           *self);

void         pw_document_load_async             (PwDocument           *self,
                                                 GFile                *file,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean     pw_document_load_finish            (PwDocument           *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);
gboolean     pw_document_load                   (PwDocument           *self,
                                                 GFile                *file,
                                                 GCancellable         *cancellable,
                                                 GError              **error);
void         pw_document_reload_async           (PwDocument           *self,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean     pw_document_reload_finish          (PwDocument           *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);
void         pw_document_save_async             (PwDocument           *self,
                                                 GFile                *file,
                                                 PwSaveFlags           flags,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean     pw_document_save_finish            (PwDocument           *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);
gboolean     pw_document_save                   (PwDocument           *self,
                                                 GFile                *file,
                                                 PwSaveFlags           flags,
                                                 GCancellable         *cancellable,
                                                 GError              **error);
void         pw_document_restore_draft_async    (PwDocument           *self,
                                                 const PwDraftInfo    *info,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean     pw_document_restore_draft_finish   (PwDocument           *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);
void         pw_document_save_draft             (PwDocument           *self);
void         pw_document_migrate                (PwDocument           *self,
                                                 PwMigration          *migration);
void         pw_document_discard_draft          (PwDocument           *self);

char        *pw_document_describe_location      (GFile                *file);

G_END_DECLS
