/* pw-file-writer.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-file-writer"

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "pw-error.h"
#include "pw-file-writer.h"
#include "pw-file-writer-private.h"

/*
 * The one way Phasewise replaces a file, whatever it writes: workbooks,
 * drafts and their index, exports.
 *
 * A local file is replaced with g_file_set_contents_full(): the new
 * contents go to a temporary file in the same folder, which is flushed and
 * renamed over the old one, so that a failure at any point leaves the old
 * file as it was (g_file_replace_contents() may not: on a write error it
 * commits a truncated file).  A symbolic link stays and its target is
 * replaced; the mode of the old file is kept.
 *
 * A file that has no local path (a remote location) is written through
 * g_file_replace(), and its stream is closed through a cancelled
 * GCancellable on any error, which makes GIO drop the temporary file
 * instead of committing it.
 *
 * When the caller knows a checksum of what the file held, it is compared
 * with the file's contents before anything is written: another writer can
 * keep the modification time (cp -p, rsync -t, a coarse clock), so the
 * contents are compared, not the time.
 *
 * Every function here may run in any thread: it touches nothing but its
 * arguments.
 */

static gboolean force_gio;

/* Tests: write local files the way remote ones are written. */
void
_pw_file_writer_set_force_gio (gboolean force)
{
  force_gio = force;
}

/**
 * pw_file_take_file_error:
 * @file_error: (transfer full): an error of any domain
 *
 * Sets @error from @file_error, turning a #G_FILE_ERROR into the matching
 * #G_IO_ERROR so that callers match one domain.
 */
void
pw_file_take_file_error (GError **error,
                         GError  *file_error)
{
  if (file_error->domain == G_FILE_ERROR)
    {
      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_file_error (file_error->code),
                           file_error->message);
      g_error_free (file_error);
    }
  else
    {
      g_propagate_error (error, file_error);
    }
}

/**
 * pw_file_checksum_bytes:
 *
 * Returns: (transfer full): the checksum of @bytes, as
 *   pw_file_replace_contents() compares them
 */
char *
pw_file_checksum_bytes (GBytes *bytes)
{
  g_return_val_if_fail (bytes != NULL, NULL);

  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

/**
 * pw_file_read_checksum:
 * @checksum: (out) (transfer full) (nullable): the checksum of the file's
 *   contents, or %NULL when there is no such file
 *
 * Reads the whole file, of any size, a piece at a time.  Blocks: call it
 * from a worker thread.
 *
 * Returns: %TRUE when @checksum was set, also to %NULL for a missing file
 */
gboolean
pw_file_read_checksum (GFile         *file,
                       char         **checksum,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GError) local_error = NULL;
  g_autofree guchar *buffer = g_malloc (64 * 1024);

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (checksum != NULL, FALSE);

  *checksum = NULL;

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, 64 * 1024, cancellable,
                                      error);

      if (n < 0)
        return FALSE;
      if (n == 0)
        break;
      g_checksum_update (sum, buffer, (gssize) n);
    }

  *checksum = g_strdup (g_checksum_get_string (sum));

  return TRUE;
}

/**
 * pw_file_get_backup_file:
 *
 * Returns: (transfer full): where the previous version of @file is kept:
 *   in the user's data folder, named after the file and a hash of its place
 */
GFile *
pw_file_get_backup_file (GFile *file)
{
  g_autofree char *uri = NULL;
  g_autofree char *base = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *name = NULL;
  g_autofree char *stem = NULL;
  const char *dot;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  uri = g_file_get_uri (file);
  base = g_file_get_basename (file);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);
  dot = strrchr (base, '.');
  stem = dot && dot != base ? g_strndup (base, (gsize) (dot - base)) : g_strdup (base);
  hash[12] = '\0';
  name = dot && dot != base ? g_strdup_printf ("%s-%s%s", stem, hash, dot)
                            : g_strdup_printf ("%s-%s", stem, hash);

  return g_file_new_build_filename (g_get_user_data_dir (), APP_ID, "backups", name, NULL);
}

/* A backup is a courtesy: when it cannot be written the save goes on. */
static void
write_backup (GFile  *file,
              GBytes *previous)
{
  g_autoptr(GFile) backup = pw_file_get_backup_file (file);
  g_autoptr(GFile) parent = g_file_get_parent (backup);
  g_autoptr(GError) error = NULL;
  g_autofree char *backup_path = g_file_get_path (backup);
  gsize length = 0;
  const char *data = g_bytes_get_data (previous, &length);

  if (!g_file_make_directory_with_parents (parent, NULL, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_debug ("No backup in %s: %s", backup_path, error->message);
      return;
    }
  g_clear_error (&error);

  if (!g_file_set_contents_full (backup_path, data, (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    g_debug ("No backup in %s: %s", backup_path, error->message);
}

/* Reads what @file holds now, for the conflict check and the backup.
 * Returns FALSE on error; sets *previous to NULL when there is no file. */
static gboolean
read_previous (GFile         *file,
               GBytes       **previous,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  *previous = NULL;

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  *previous = g_bytes_new_take (g_steal_pointer (&contents), length);

  return TRUE;
}

/* The conflict check and the backup, before the file is replaced. */
typedef struct
{
  const char         *expected_checksum;
  PwFileWriteFlags    flags;
  PwFileBackupFilter  backup_filter;
  gpointer            filter_data;
} WriteOptions;

static gboolean
check_and_back_up (GFile               *file,
                   const WriteOptions  *options,
                   GCancellable        *cancellable,
                   GError             **error)
{
  const char *expected_checksum = options->expected_checksum;
  PwFileWriteFlags flags = options->flags;
  g_autoptr(GBytes) previous = NULL;
  g_autoptr(GError) local_error = NULL;

  if (expected_checksum == NULL && !(flags & PW_FILE_WRITE_BACKUP))
    return TRUE;

  if (!read_previous (file, &previous, cancellable, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      /* What cannot be read cannot be known to be ours. */
      if (expected_checksum != NULL)
        {
          g_set_error_literal (error, PW_ERROR, PW_ERROR_MODIFIED,
                               _("The file was changed by someone else since it was opened"));
          return FALSE;
        }

      g_debug ("No backup: %s", local_error->message);
      return TRUE;
    }

  /* Removed meanwhile: writing puts it back. */
  if (previous == NULL)
    return TRUE;

  if (expected_checksum != NULL)
    {
      g_autofree char *checksum = pw_file_checksum_bytes (previous);

      if (!g_str_equal (checksum, expected_checksum))
        {
          g_set_error_literal (error, PW_ERROR, PW_ERROR_MODIFIED,
                               _("The file was changed by someone else since it was opened"));
          return FALSE;
        }
    }

  if ((flags & PW_FILE_WRITE_BACKUP)
      && (options->backup_filter == NULL
          || options->backup_filter (previous, options->filter_data)))
    write_backup (file, previous);

  return TRUE;
}

/* The file @path names, through a symbolic link: the link stays and its
 * target is replaced. */
static char *
resolve_path (const char *given)
{
  g_autofree char *path = g_canonicalize_filename (given, NULL);

  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      char *real = realpath (path, NULL);

      if (real != NULL)
        {
          g_free (path);
          path = g_strdup (real);
          free (real);
        }
    }

  return g_steal_pointer (&path);
}

static gboolean
replace_local (const char          *given_path,
               GBytes              *contents,
               const WriteOptions  *options,
               GCancellable        *cancellable,
               GError             **error)
{
  PwFileWriteFlags flags = options->flags;
  g_autofree char *path = resolve_path (given_path);
  g_autoptr(GFile) target = g_file_new_for_path (path);
  GFileSetContentsFlags set_flags = G_FILE_SET_CONTENTS_CONSISTENT;
  GError *local_error = NULL;
  GStatBuf st;
  gboolean existed = FALSE;
  int mode = (flags & PW_FILE_WRITE_PRIVATE) ? 0600 : 0666;
  gsize length = 0;
  const char *data;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (g_stat (path, &st) == 0)
    {
      if (S_ISDIR (st.st_mode))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                               _("A folder of that name is in the way"));
          return FALSE;
        }

      existed = TRUE;
      mode = st.st_mode & 07777;
    }

  if (existed && !check_and_back_up (target, options, cancellable, error))
    return FALSE;

  if (flags & PW_FILE_WRITE_DURABLE)
    set_flags |= G_FILE_SET_CONTENTS_DURABLE;

  data = g_bytes_get_data (contents, &length);
  if (!g_file_set_contents_full (path, data, (gssize) length, set_flags, mode, &local_error))
    {
      pw_file_take_file_error (error, local_error);
      return FALSE;
    }

  /* The new file was created under the umask: give it the old one's mode,
   * so that a group-writable document stays group-writable. */
  if (existed && g_chmod (path, mode) != 0)
    g_debug ("Could not keep the mode of %s: %s", path, g_strerror (errno));

  return TRUE;
}

static gboolean
replace_with_gio (GFile               *file,
                  GBytes              *contents,
                  const WriteOptions  *options,
                  GCancellable        *cancellable,
                  GError             **error)
{
  PwFileWriteFlags flags = options->flags;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  GFileCreateFlags create_flags = G_FILE_CREATE_NONE;
  gsize length = 0;
  const char *data;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                            cancellable, &local_error);
  if (info == NULL && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                           _("A folder of that name is in the way"));
      return FALSE;
    }

  if (info != NULL && !check_and_back_up (file, options, cancellable, error))
    return FALSE;

  if (info == NULL && (flags & PW_FILE_WRITE_PRIVATE))
    create_flags |= G_FILE_CREATE_PRIVATE;

  stream = g_file_replace (file, NULL, FALSE, create_flags, cancellable, error);
  if (stream == NULL)
    return FALSE;

  data = g_bytes_get_data (contents, &length);
  if (!g_output_stream_write_all (G_OUTPUT_STREAM (stream), data, length, NULL, cancellable,
                                  error))
    {
      g_autoptr(GCancellable) cancelled = g_cancellable_new ();

      /* Closing commits: closing a cancelled stream drops what was written. */
      g_cancellable_cancel (cancelled);
      g_output_stream_close (G_OUTPUT_STREAM (stream), cancelled, NULL);
      return FALSE;
    }

  return g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error);
}

/**
 * pw_file_replace_contents:
 * @file: the file to write, existing or not
 * @contents: its new contents
 * @expected_checksum: (nullable): the pw_file_checksum_bytes() of what the
 *   file held when it was last read or written, to refuse to overwrite
 *   someone else's changes; %NULL to overwrite whatever it holds
 * @new_checksum: (out) (optional) (transfer full): the checksum of
 *   @contents, for the next write
 *
 * Replaces @file's contents atomically: on any failure the file stays as
 * it was.  Fails with %PW_ERROR_MODIFIED, and writes nothing, when the file
 * holds other contents than @expected_checksum says; a file removed
 * meanwhile is written again.  Blocks: call it from a worker thread.
 *
 * Returns: %TRUE when the file holds @contents
 */
gboolean
pw_file_replace_contents (GFile             *file,
                          GBytes            *contents,
                          const char        *expected_checksum,
                          PwFileWriteFlags   flags,
                          char             **new_checksum,
                          GCancellable      *cancellable,
                          GError           **error)
{
  return pw_file_replace_contents_full (file, contents, expected_checksum, flags, NULL, NULL,
                                        new_checksum, cancellable, error);
}

/**
 * pw_file_replace_contents_full:
 * @backup_filter: (nullable): decides whether what the file holds is kept
 *   as the backup, when @flags has %PW_FILE_WRITE_BACKUP; %NULL keeps it
 *   whatever it is
 * @filter_data: data for @backup_filter
 *
 * Like pw_file_replace_contents().  The previous backup stays when
 * @backup_filter refuses the file's contents.
 */
gboolean
pw_file_replace_contents_full (GFile              *file,
                               GBytes             *contents,
                               const char         *expected_checksum,
                               PwFileWriteFlags    flags,
                               PwFileBackupFilter  backup_filter,
                               gpointer            filter_data,
                               char              **new_checksum,
                               GCancellable       *cancellable,
                               GError            **error)
{
  WriteOptions options = { expected_checksum, flags, backup_filter, filter_data };
  g_autofree char *path = NULL;
  gboolean written;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);

  path = g_file_get_path (file);
  if (path != NULL && !force_gio)
    written = replace_local (path, contents, &options, cancellable, error);
  else
    written = replace_with_gio (file, contents, &options, cancellable, error);

  if (written && new_checksum != NULL)
    *new_checksum = pw_file_checksum_bytes (contents);

  return written;
}
