/* pw-workbook-io.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pw-workbook.h"

G_BEGIN_DECLS

#define PW_WORKBOOK_MAX_BYTES (64 * 1024 * 1024)

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

PwWorkbook *pw_workbook_load_from_bytes  (GBytes        *bytes,
                                          GError       **error);
PwWorkbook *pw_workbook_load             (GFile         *file,
                                          GCancellable  *cancellable,
                                          GError       **error);
void        pw_workbook_load_async       (GFile         *file,
                                          GCancellable  *cancellable,
                                          GAsyncReadyCallback callback,
                                          gpointer       user_data);
GFile      *pw_workbook_load_get_file    (GAsyncResult  *result);
PwWorkbook *pw_workbook_load_finish      (GAsyncResult  *result,
                                          GError       **error);
GBytes     *pw_workbook_serialize        (PwWorkbook    *self);
gboolean    pw_workbook_save             (PwWorkbook    *self,
                                          GFile         *file,
                                          PwSaveFlags    flags,
                                          GCancellable  *cancellable,
                                          GError       **error);
void        pw_workbook_save_async       (PwWorkbook    *self,
                                          GFile         *file,
                                          PwSaveFlags    flags,
                                          GCancellable  *cancellable,
                                          GAsyncReadyCallback callback,
                                          gpointer       user_data);
gboolean    pw_workbook_save_finish      (PwWorkbook    *self,
                                          GAsyncResult  *result,
                                          GError       **error);
gboolean    pw_workbook_changed_on_disk  (PwWorkbook    *self,
                                          GCancellable  *cancellable);
GFile      *pw_workbook_get_backup_file  (GFile         *file);

G_END_DECLS
