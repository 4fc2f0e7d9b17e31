/* pw-workbook-io.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-workbook-io"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pw-error.h"
#include "pw-workbook-io.h"
#include "pw-workbook-io-private.h"

/*
 * Workbook files read from disk, by whoever needs a workbook and no
 * document: the command line, the tests.  The contents are read by
 * pw-workbook-reader.c and written by pw-workbook-writer.c; saving, which
 * needs to know what the file held before, is the document's
 * (pw-document-io.c), through pw_file_replace_contents().
 */

/**
 * pw_workbook_read_file:
 *
 * Reads the bytes of a workbook file of any kind of location, refusing what
 * cannot be one: a folder, a pipe or a device, a file larger than
 * %PW_WORKBOOK_MAX_BYTES.  Blocks: call it from a worker thread.
 *
 * Returns: (transfer full): the file's contents
 */
GBytes *
pw_workbook_read_file (GFile         *file,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                           _("This is a folder, not a workbook"));
      return NULL;
    }

  /* A pipe or a device has no size to check and may never end. */
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_SPECIAL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                           _("This is not a regular file"));
      return NULL;
    }

  if (g_file_info_get_size (info) > PW_WORKBOOK_MAX_BYTES)
    {
      _pw_workbook_set_too_large (error);
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

/**
 * _pw_workbook_check_save_size:
 * @size: the size of a workbook or draft about to be written
 *
 * Refuses, with %PW_ERROR_TOO_LARGE, to write what could not be opened
 * again because it is larger than %PW_WORKBOOK_MAX_BYTES.
 */
gboolean
_pw_workbook_check_save_size (gsize    size,
                              GError **error)
{
  g_autofree char *formatted = NULL;

  if (size <= PW_WORKBOOK_MAX_BYTES)
    return TRUE;

  formatted = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);
  g_set_error (error, PW_ERROR, PW_ERROR_TOO_LARGE,
               /* Translators: %s is a size such as “69.2 MiB”, %d a number of MiB */
               _("The workbook would be %s, larger than the %d MiB that Phasewise can open"),
               formatted, PW_WORKBOOK_MAX_MIB);

  return FALSE;
}

/**
 * _pw_workbook_check_serialized:
 * @bytes: what pw_workbook_serialize() wrote, about to replace a file
 *
 * Reads @bytes back as opening a file would (pw_workbook_load_from_bytes()),
 * so that a save never writes a file that Phasewise refuses to open.  May
 * run in any thread.
 *
 * Returns: %TRUE when @bytes open again; otherwise %FALSE with the reason
 */
gboolean
_pw_workbook_check_serialized (GBytes  *bytes,
                               GError **error)
{
  g_autoptr(PwWorkbook) workbook = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!_pw_workbook_check_save_size (g_bytes_get_size (bytes), error))
    return FALSE;

  workbook = pw_workbook_load_from_bytes (bytes, &local_error);
  if (workbook == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   /* Translators: %s is the reason, e.g. “12:5: Invalid number” */
                   _("Phasewise could not open what it was about to write, so nothing was "
                     "written: %s"),
                   local_error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * pw_workbook_load:
 *
 * Reads a workbook file (pw_workbook_read_file()) and the workbook in it
 * (pw_workbook_load_from_bytes()).
 *
 * Returns: (transfer full): the workbook, unmodified
 */
PwWorkbook *
pw_workbook_load (GFile         *file,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  bytes = pw_workbook_read_file (file, cancellable, error);
  if (bytes == NULL)
    return NULL;

  return pw_workbook_load_from_bytes (bytes, error);
}
