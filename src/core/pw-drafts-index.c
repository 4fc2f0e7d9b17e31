/* pw-drafts-index.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-drafts"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "pw-drafts-private.h"
#include "pw-error.h"
#include "pw-json-reader.h"
#include "pw-json-util.h"
#include "pw-validate.h"
#include "pw-workbook-io.h"

/*
 * The drafts folder of PwDrafts, as it is on disk: the index, read as
 * untrusted data and written back, and the draft files it lists, checked
 * against the folder (see PwDrafts for the rules).
 */

/* Limits of the untrusted index */
#define MAX_INDEX_BYTES    ((goffset) 4 * 1024 * 1024)
#define MAX_URI_CHARS      16384
#define MAX_SAVED_UNIX     G_GINT64_CONSTANT (253402300799)  /* 9999-12-31 */
#define MAX_CHECKSUM_CHARS 128
#define ORPHAN_AGE_SEC     60
#define BROKEN_SUFFIX     ".broken"

/* How far the index of the drafts folder can be trusted */
typedef enum
{
  INDEX_TRUSTED,    /* read as it is, or no index yet */
  INDEX_TRUNCATED,  /* listed more than PW_DRAFTS_MAX_DRAFTS drafts */
  INDEX_BROKEN,     /* unreadable: moved aside */
} IndexState;

G_DEFINE_BOXED_TYPE (PwDraftInfo, pw_draft_info, pw_draft_info_copy, pw_draft_info_free)

PwDraftInfo *
pw_draft_info_copy (const PwDraftInfo *info)
{
  PwDraftInfo *copy;

  g_return_val_if_fail (info != NULL, NULL);

  copy = g_new0 (PwDraftInfo, 1);
  copy->id = g_strdup (info->id);
  copy->uri = g_strdup (info->uri);
  copy->title = g_strdup (info->title);
  copy->file_checksum = g_strdup (info->file_checksum);
  copy->saved_unix = info->saved_unix;

  return copy;
}

void
pw_draft_info_free (PwDraftInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->id);
  g_free (info->uri);
  g_free (info->title);
  g_free (info->file_checksum);
  g_free (info);
}

PwDraftInfo *
_pw_draft_info_new (const char *id)
{
  PwDraftInfo *info = g_new0 (PwDraftInfo, 1);

  info->id = g_strdup (id);
  info->title = g_strdup ("");

  return info;
}

GPtrArray *
_pw_draft_list_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) pw_draft_info_free);
}

static gpointer
copy_draft_info (gconstpointer info,
                 gpointer      user_data)
{
  return pw_draft_info_copy (info);
}

GPtrArray *
_pw_draft_list_copy (GPtrArray *drafts)
{
  return g_ptr_array_copy (drafts, copy_draft_info, NULL);
}

PwDraftInfo *
_pw_draft_list_find (GPtrArray  *drafts,
                 const char *id,
                 guint      *position)
{
  for (guint i = 0; i < drafts->len; i++)
    {
      PwDraftInfo *info = g_ptr_array_index (drafts, i);

      if (g_str_equal (info->id, id))
        {
          if (position != NULL)
            *position = i;
          return info;
        }
    }

  return NULL;
}

/* ------------------------------------------------------------------------
 * Files
 */

char *
_pw_drafts_get_draft_path (const char *directory,
                const char *id)
{
  g_autofree char *name = g_strconcat (id, PW_DRAFTS_SUFFIX, NULL);

  g_assert (pw_is_valid_id (id));

  return g_build_filename (directory, name, NULL);
}

char *
_pw_drafts_get_index_path (const char *directory)
{
  return g_build_filename (directory, PW_DRAFTS_INDEX_NAME, NULL);
}

/* Sets a G_IO_ERROR matching @saved_errno. */
void
_pw_drafts_set_errno_error (GError     **error,
                            int          saved_errno,
                            const char  *format,
                            ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), message);
}

/* A temporary file of g_file_set_contents_full() left by a killed write:
 * `index.json.XXXXXX` or `<id>.phasewise.XXXXXX`. */
static gboolean
is_temp_name (const char *name)
{
  gsize length = strlen (name);
  g_autofree char *stem = NULL;

  if (length <= 7 || name[length - 7] != '.'
      || g_str_equal (name, PW_DRAFTS_INDEX_NAME BROKEN_SUFFIX))
    return FALSE;

  for (gsize i = length - 6; i < length; i++)
    {
      if (!g_ascii_isalnum (name[i]))
        return FALSE;
    }

  stem = g_strndup (name, length - 7);
  if (g_str_equal (stem, PW_DRAFTS_INDEX_NAME))
    return TRUE;

  if (g_str_has_suffix (stem, PW_DRAFTS_SUFFIX))
    {
      stem[strlen (stem) - strlen (PW_DRAFTS_SUFFIX)] = '\0';
      return pw_is_valid_id (stem);
    }

  return FALSE;
}

/* The id of a draft file name, or %NULL */
static char *
get_draft_id (const char *name)
{
  g_autofree char *id = NULL;

  if (!g_str_has_suffix (name, PW_DRAFTS_SUFFIX))
    return NULL;

  id = g_strndup (name, strlen (name) - strlen (PW_DRAFTS_SUFFIX));
  if (!pw_is_valid_id (id))
    return NULL;

  return g_steal_pointer (&id);
}

/* ------------------------------------------------------------------------
 * Drafts
 */

/**
 * pw_drafts_load:
 * @id: a draft id, from pw_drafts_begin_session() or pw_drafts_list()
 *
 * Reads a draft.  Drafts are replaced atomically, so this reads a whole
 * version even while one is written; it only reads, and may be called
 * from any thread.
 *
 * Returns: (transfer full): the contents of the draft, or %NULL with
 *   %G_IO_ERROR_NOT_FOUND when there is none, %G_IO_ERROR_INVALID_ARGUMENT
 *   for an invalid id, %PW_ERROR_TOO_LARGE for a file larger than a
 *   workbook can be
 */
GBytes *
pw_drafts_load (PwDrafts    *self,
                const char  *id,
                GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  struct stat st;

  g_return_val_if_fail (PW_IS_DRAFTS (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!pw_is_valid_id (id))
    {
      g_autofree char *quoted = pw_json_quote_text (id);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a draft id"), quoted);
      return NULL;
    }

  path = _pw_drafts_get_draft_path (pw_drafts_get_directory (self), id);
  if (g_lstat (path, &st) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (path);

      /* Translators: the first %s is a file, the second the reason */
      _pw_drafts_set_errno_error (error, saved_errno, _("Cannot read the draft %s: %s"), display,
                                  g_strerror (saved_errno));
      return NULL;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("The draft %s is not a regular file"), display);
      return NULL;
    }

  if (st.st_size > PW_WORKBOOK_MAX_BYTES)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, PW_ERROR, PW_ERROR_TOO_LARGE, _("The draft %s is too large"), display);
      return NULL;
    }

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_file_error (local_error->code),
                           local_error->message);
      return NULL;
    }

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

/* ------------------------------------------------------------------------
 * The index
 */

GBytes *
_pw_drafts_serialize_index (GPtrArray *drafts,
                            gboolean   shutdown)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();
  JsonArray *array = json_array_new ();

  json_object_set_string_member (object, "format", PW_DRAFTS_FORMAT);
  json_object_set_int_member (object, "version", PW_DRAFTS_FORMAT_VERSION);
  json_object_set_boolean_member (object, "shutdown", shutdown);

  for (guint i = 0; i < drafts->len; i++)
    {
      PwDraftInfo *info = g_ptr_array_index (drafts, i);
      JsonObject *draft = json_object_new ();

      json_object_set_string_member (draft, "id", info->id);
      if (info->uri != NULL)
        json_object_set_string_member (draft, "uri", info->uri);
      else
        json_object_set_null_member (draft, "uri");
      json_object_set_string_member (draft, "title", info->title);
      if (info->file_checksum != NULL)
        json_object_set_string_member (draft, "file_checksum", info->file_checksum);
      json_object_set_int_member (draft, "saved", info->saved_unix);
      json_array_add_object_element (array, draft);
    }

  json_object_set_array_member (object, "drafts", array);
  json_node_take_object (root, object);

  return pw_json_to_bytes (root);
}

/* Reads one entry of the untrusted "drafts" array.  An entry without a
 * valid id is skipped; other members that are missing or wrong get their
 * defaults, so that the draft is not lost for a damaged title. */
static PwDraftInfo *
read_entry (PwJsonReader *reader,
            JsonArray    *array,
            guint         index)
{
  g_autoptr(PwDraftInfo) info = NULL;
  g_autofree char *id = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *title = NULL;
  g_autofree char *file_checksum = NULL;
  gint64 saved = 0;
  JsonObject *object;

  object = pw_json_read_element_object (reader, array, index);
  if (object == NULL)
    return NULL;

  pw_json_reader_push_index (reader, index);

  if (!pw_json_read_string (reader, object, "id", PW_JSON_REQUIRED | PW_JSON_ID,
                            PW_MAX_ID_CHARS, &id))
    {
      pw_json_reader_pop (reader);
      return NULL;
    }

  if (pw_json_read_string (reader, object, "uri", PW_JSON_NON_EMPTY, MAX_URI_CHARS, &uri)
      && !g_uri_is_valid (uri, G_URI_FLAGS_NONE, NULL))
    {
      pw_json_reader_problem (reader, "uri", _("Not a valid URI"));
      g_clear_pointer (&uri, g_free);
    }
  pw_json_read_string (reader, object, "title", PW_JSON_OPTIONAL, PW_MAX_NAME_CHARS, &title);
  /* Only ever compared with a checksum: a damaged one makes saving ask. */
  pw_json_read_string (reader, object, "file_checksum", PW_JSON_NON_EMPTY, MAX_CHECKSUM_CHARS,
                       &file_checksum);
  pw_json_read_int (reader, object, "saved", PW_JSON_OPTIONAL, 0, MAX_SAVED_UNIX, &saved);

  pw_json_reader_pop (reader);

  info = _pw_draft_info_new (id);
  info->uri = g_steal_pointer (&uri);
  info->file_checksum = g_steal_pointer (&file_checksum);
  if (title != NULL)
    {
      g_free (info->title);
      info->title = g_steal_pointer (&title);
    }
  info->saved_unix = saved;

  return g_steal_pointer (&info);
}

/* Reads the index of @directory.  Returns %FALSE only when it exists but
 * cannot be read (a permission problem, say); a missing index is an empty
 * one, and an index that is not what Phasewise writes is moved aside to
 * index.json.broken and counts as empty, with @state INDEX_BROKEN. */
static gboolean
read_index (const char  *directory,
            GPtrArray  **drafts_out,
            gboolean    *shutdown_out,
            IndexState  *state_out,
            GError     **error)
{
  g_autofree char *path = _pw_drafts_get_index_path (directory);
  g_autoptr(GPtrArray) drafts = _pw_draft_list_new ();
  g_autoptr(PwJsonReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *format = NULL;
  IndexState state = INDEX_TRUSTED;
  JsonObject *object;
  JsonArray *array = NULL;
  gboolean shutdown = FALSE;
  gint64 version = 0;
  gsize length = 0;
  guint n_entries;
  struct stat st;

  *drafts_out = NULL;
  *shutdown_out = TRUE;
  *state_out = INDEX_TRUSTED;

  if (g_lstat (path, &st) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = NULL;

      if (saved_errno == ENOENT)
        {
          /* The first run: nothing to recover. */
          *drafts_out = g_steal_pointer (&drafts);
          return TRUE;
        }

      /* Translators: the first %s is a file, the second the reason */
      display = g_filename_display_name (path);
      _pw_drafts_set_errno_error (error, saved_errno, _("Cannot read the drafts index %s: %s"),
                                  display, g_strerror (saved_errno));
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    {
      local_error = g_error_new_literal (PW_ERROR, PW_ERROR_INVALID, "not a regular file");
      goto broken;
    }

  if (st.st_size > MAX_INDEX_BYTES)
    {
      local_error = g_error_new (PW_ERROR, PW_ERROR_TOO_LARGE, "%" G_GOFFSET_FORMAT " bytes",
                                 (goffset) st.st_size);
      goto broken;
    }

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_autofree char *message = g_strdup (local_error->message);

      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_file_error (local_error->code),
                           message);
      return FALSE;
    }

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  root = pw_json_parse_bytes (bytes, &local_error);
  if (root == NULL)
    goto broken;

  reader = pw_json_reader_new ();
  object = pw_json_read_root_object (reader, root);
  if (object != NULL)
    {
      if (pw_json_read_string (reader, object, "format", PW_JSON_REQUIRED, PW_MAX_NAME_CHARS,
                               &format)
          && !g_str_equal (format, PW_DRAFTS_FORMAT))
        pw_json_reader_problem (reader, "format", "not %s", PW_DRAFTS_FORMAT);
      pw_json_read_int (reader, object, "version", PW_JSON_REQUIRED, 1,
                        PW_DRAFTS_FORMAT_VERSION, &version);
      pw_json_read_bool (reader, object, "shutdown", PW_JSON_REQUIRED, &shutdown);
      array = pw_json_read_array (reader, object, "drafts", PW_JSON_REQUIRED, 0);
    }

  if (!pw_json_reader_finish (reader, &local_error))
    goto broken;

  n_entries = json_array_get_length (array);
  if (n_entries > PW_DRAFTS_MAX_DRAFTS)
    {
      g_debug ("The drafts index %s lists %u drafts: reading the first %d", path, n_entries,
               PW_DRAFTS_MAX_DRAFTS);
      n_entries = PW_DRAFTS_MAX_DRAFTS;
      state = INDEX_TRUNCATED;
    }

  pw_json_reader_push_member (reader, "drafts");
  for (guint i = 0; i < n_entries; i++)
    {
      g_autoptr(PwDraftInfo) info = read_entry (reader, array, i);

      if (info == NULL)
        continue;

      if (_pw_draft_list_find (drafts, info->id, NULL) != NULL)
        {
          pw_json_reader_push_index (reader, i);
          pw_json_reader_problem (reader, "id", "listed twice");
          pw_json_reader_pop (reader);
          continue;
        }

      g_ptr_array_add (drafts, g_steal_pointer (&info));
    }
  pw_json_reader_pop (reader);

  if (!pw_json_reader_finish (reader, &local_error))
    g_debug ("Problems in the drafts index %s (the drafts are kept): %s", path,
             local_error->message);

  *drafts_out = g_steal_pointer (&drafts);
  *shutdown_out = shutdown;
  *state_out = state;

  return TRUE;

broken:
  {
    g_autofree char *broken_path = g_strconcat (path, BROKEN_SUFFIX, NULL);

    g_debug ("The drafts index %s is unreadable, moved aside to %s: %s", path, broken_path,
             local_error->message);
    if (g_rename (path, broken_path) != 0)
      {
        int saved_errno = errno;
        g_autofree char *display = g_filename_display_name (path);

        /* Translators: the first %s is a file, the second the reason */
        _pw_drafts_set_errno_error (error, saved_errno,
                                    _("Cannot move the damaged drafts index %s aside: %s"),
                                    display, g_strerror (saved_errno));
        return FALSE;
      }

    *drafts_out = g_steal_pointer (&drafts);
    *shutdown_out = FALSE;
    *state_out = INDEX_BROKEN;

    return TRUE;
  }
}

/**
 * _pw_drafts_read_folder:
 * @drafts: (out) (transfer full): the drafts found
 * @shutdown: (out): whether the session that wrote the index ended cleanly
 *
 * Reads the index and checks it against the folder: listed drafts whose
 * file is missing are dropped, and @clean_up deletes the files nothing
 * refers to.  When the index was broken, unlisted drafts are adopted.
 */
gboolean
_pw_drafts_read_folder (const char  *directory,
                        gboolean     clean_up,
                        GPtrArray  **drafts_out,
                        gboolean    *shutdown_out,
                        GError     **error)
{
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) drafts = _pw_draft_list_new ();
  g_autoptr(GHashTable) known = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) dir = NULL;
  IndexState state;
  gboolean shutdown;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  if (!read_index (directory, &listed, &shutdown, &state, error))
    return FALSE;

  known = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < listed->len; i++)
    {
      PwDraftInfo *info = g_ptr_array_index (listed, i);
      g_autofree char *path = _pw_drafts_get_draft_path (directory, info->id);
      struct stat st;

      if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode))
        {
          g_debug ("Draft %s is listed but its file is missing", info->id);
          continue;
        }

      g_ptr_array_add (drafts, pw_draft_info_copy (info));
      g_hash_table_add (known, info->id);
    }

  dir = g_dir_open (directory, 0, &local_error);
  if (dir == NULL && !g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    g_debug ("Cannot list the drafts folder %s: %s", directory, local_error->message);

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (directory, name, NULL);
      g_autofree char *id = get_draft_id (name);
      gboolean is_temp = id == NULL && is_temp_name (name);
      struct stat st;

      if ((id == NULL && !is_temp) || (id != NULL && g_hash_table_contains (known, id)))
        continue;
      if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode))
        continue;

      if (id != NULL && state == INDEX_BROKEN && drafts->len < PW_DRAFTS_MAX_DRAFTS)
        {
          PwDraftInfo *info = _pw_draft_info_new (id);

          g_debug ("Draft %s is not listed in the damaged index: recovered as untitled", id);
          info->saved_unix = st.st_mtim.tv_sec;
          g_ptr_array_add (drafts, info);
          continue;
        }

      /* Only a complete index can say that a draft is left over, and a
       * draft written a moment ago may belong to another instance whose
       * index write has not landed yet. */
      if (!clean_up || state != INDEX_TRUSTED || now - st.st_mtim.tv_sec <= ORPHAN_AGE_SEC)
        continue;

      g_debug ("Deleting %s, which no draft refers to", path);
      if (g_unlink (path) != 0)
        g_debug ("Cannot delete %s: %s", path, g_strerror (errno));
    }

  *drafts_out = g_steal_pointer (&drafts);
  *shutdown_out = shutdown;

  return TRUE;
}

