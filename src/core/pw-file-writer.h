/* pw-file-writer.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * PwFileWriteFlags:
 * @PW_FILE_WRITE_NONE: replace the file atomically, nothing more
 * @PW_FILE_WRITE_DURABLE: flush the new contents and the folder to the
 *   disk before returning, so that a power cut keeps one version whole
 * @PW_FILE_WRITE_BACKUP: keep a copy of the previous version in the
 *   backups folder (pw_file_get_backup_file())
 * @PW_FILE_WRITE_PRIVATE: a new file is readable by the user only; an
 *   existing file keeps its mode either way
 *
 * How pw_file_replace_contents() writes.
 */
typedef enum
{
  PW_FILE_WRITE_NONE    = 0,
  PW_FILE_WRITE_DURABLE = 1 << 0,
  PW_FILE_WRITE_BACKUP  = 1 << 1,
  PW_FILE_WRITE_PRIVATE = 1 << 2,
} PwFileWriteFlags;

/**
 * PwFileBackupFilter:
 * @previous: what the file holds before it is replaced
 * @user_data: the data given with the filter
 *
 * Decides whether @previous deserves the backup (%PW_FILE_WRITE_BACKUP):
 * the one backup of a file must not give way to contents that are worth
 * nothing.  Runs in the thread that writes.
 *
 * Returns: %TRUE to keep @previous as the backup
 */
typedef gboolean (*PwFileBackupFilter) (GBytes   *previous,
                                        gpointer  user_data);

gboolean  pw_file_replace_contents      (GFile              *file,
                                         GBytes             *contents,
                                         const char         *expected_checksum,
                                         PwFileWriteFlags    flags,
                                         char              **new_checksum,
                                         GCancellable       *cancellable,
                                         GError            **error);
gboolean  pw_file_replace_contents_full (GFile              *file,
                                         GBytes             *contents,
                                         const char         *expected_checksum,
                                         PwFileWriteFlags    flags,
                                         PwFileBackupFilter  backup_filter,
                                         gpointer            filter_data,
                                         char              **new_checksum,
                                         GCancellable       *cancellable,
                                         GError            **error);
gboolean  pw_file_read_checksum         (GFile              *file,
                                         char              **checksum,
                                         GCancellable       *cancellable,
                                         GError            **error);
char     *pw_file_checksum_bytes        (GBytes             *bytes);
GFile    *pw_file_get_backup_file       (GFile              *file);
void      pw_file_take_file_error       (GError            **error,
                                         GError             *file_error);

G_END_DECLS
