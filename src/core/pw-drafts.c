/* pw-drafts.c
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

#include "pw-drafts.h"
#include "pw-error.h"
#include "pw-json-reader.h"
#include "pw-json-util.h"
#include "pw-workbook-io.h"

/**
 * PwDrafts:
 *
 * Crash recovery of unsaved workbooks, the GNOME Text Editor model
 * (STYLE.md rule 12, RELIABILITY.md case 7).
 *
 * Every open document has an id (pw_drafts_new_id()).  Its unsaved
 * contents go to `<directory>/<id>.phasewise`, and an index,
 * `<directory>/index.json`, lists every draft with the document's file and
 * title and a `shutdown` flag:
 *
 * |[
 * { "format": "phasewise-drafts", "version": 1, "shutdown": false,
 *   "drafts": [ { "id": "…", "uri": "file:///…" or null, "title": "…",
 *                 "saved": 1767225600 } ] }
 * ]|
 *
 * pw_drafts_begin_session() reads the index as untrusted data, returns
 * every draft still on disk and marks the session as running;
 * pw_drafts_end_session() marks it as ended cleanly.  After a real save or
 * a discard, pw_drafts_remove() deletes the draft.
 *
 * Both files are replaced atomically.  The index is written before the
 * draft file, so that a crash between the two leaves either an index entry
 * whose file is missing (dropped at the next start) or the previous version
 * of the draft, never a draft that nothing lists.  Files that the index does
 * not list are left over from removals cut short and are deleted at the
 * next start when older than a minute; but when the index itself is
 * unreadable, they are returned as recovered untitled drafts instead: a
 * draft is never lost silently.
 *
 * Writes never overlap: pw_drafts_save_async() runs the writes in a worker
 * thread one after the other, and the synchronous functions wait for the
 * write in progress.  A #PwDrafts is used from one thread only, the one
 * that created it; only its writes run elsewhere.
 */
struct _PwDrafts
{
  GObject    parent_instance;

  char      *directory;
  GPtrArray *drafts;      /* PwDraftInfo: the index as it is meant to be on disk */
  gboolean   loaded;      /* drafts holds the index read from disk */
  gboolean   shutdown;    /* the "shutdown" written next */
  gboolean   crashed;     /* the previous session did not end cleanly */

  GTask     *running;     /* the pw_drafts_save_async() being written */
  GQueue     waiting;     /* GTask of pw_drafts_save_async() not started yet */

  GMutex     lock;
  GCond      cond;
  gboolean   writing;     /* a worker thread is writing (under lock) */
};

G_DEFINE_FINAL_TYPE (PwDrafts, pw_drafts, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (PwDraftInfo, pw_draft_info, pw_draft_info_copy, pw_draft_info_free)

enum {
  PROP_0,
  PROP_DIRECTORY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Limits of the untrusted index */
#define MAX_INDEX_BYTES   ((goffset) 4 * 1024 * 1024)
#define MAX_URI_CHARS     16384
#define MAX_SAVED_UNIX    G_GINT64_CONSTANT (253402300799)  /* 9999-12-31 */
#define ORPHAN_AGE_SEC    60
#define BROKEN_SUFFIX     ".broken"

/* How far the index of the drafts folder can be trusted */
typedef enum
{
  INDEX_TRUSTED,    /* read as it is, or no index yet */
  INDEX_TRUNCATED,  /* listed more than PW_DRAFTS_MAX_DRAFTS drafts */
  INDEX_BROKEN,     /* unreadable: moved aside */
} IndexState;

PwDraftInfo *
pw_draft_info_copy (const PwDraftInfo *info)
{
  PwDraftInfo *copy;

  g_return_val_if_fail (info != NULL, NULL);

  copy = g_new0 (PwDraftInfo, 1);
  copy->id = g_strdup (info->id);
  copy->uri = g_strdup (info->uri);
  copy->title = g_strdup (info->title);
  copy->saved_unix = info->saved_unix;
  copy->older_than_file = info->older_than_file;

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
  g_free (info);
}

static PwDraftInfo *
draft_info_new (const char *id)
{
  PwDraftInfo *info = g_new0 (PwDraftInfo, 1);

  info->id = g_strdup (id);
  info->title = g_strdup ("");

  return info;
}

static GPtrArray *
draft_list_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) pw_draft_info_free);
}

static gpointer
copy_draft_info (gconstpointer info,
                 gpointer      user_data)
{
  return pw_draft_info_copy (info);
}

static GPtrArray *
draft_list_copy (GPtrArray *drafts)
{
  return g_ptr_array_copy (drafts, copy_draft_info, NULL);
}

static PwDraftInfo *
draft_list_find (GPtrArray  *drafts,
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

static char *
get_draft_path (const char *directory,
                const char *id)
{
  g_autofree char *name = g_strconcat (id, PW_DRAFTS_SUFFIX, NULL);

  g_assert (pw_is_valid_id (id));

  return g_build_filename (directory, name, NULL);
}

static char *
get_index_path (const char *directory)
{
  return g_build_filename (directory, PW_DRAFTS_INDEX_NAME, NULL);
}

static void set_errno_error (GError     **error,
                             int          saved_errno,
                             const char  *format,
                             ...) G_GNUC_PRINTF (3, 4);

/* Sets a G_IO_ERROR matching @saved_errno. */
static void
set_errno_error (GError     **error,
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

static gboolean
ensure_directory (const char  *directory,
                  GError     **error)
{
  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (directory);

      /* TRANSLATORS: the first %s is a folder, the second the reason */
      set_errno_error (error, saved_errno, _("Cannot create the drafts folder %s: %s"), display,
                       g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* Replaces @path atomically with @bytes, readable by the user only. */
static gboolean
write_file (const char  *path,
            GBytes      *bytes,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  if (!g_file_set_contents_full (path, data, (gssize) length, G_FILE_SET_CONTENTS_CONSISTENT,
                                 0600, &local_error))
    {
      if (local_error->domain == G_FILE_ERROR)
        g_set_error_literal (error, G_IO_ERROR, g_io_error_from_file_error (local_error->code),
                             local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/* Runs in a worker thread or on the owner's thread: touches nothing but its
 * arguments.  @index and @contents may be %NULL (nothing to write). */
static gboolean
write_draft (const char  *directory,
             const char  *id,
             GBytes      *index,
             GBytes      *contents,
             GError     **error)
{
  if (!ensure_directory (directory, error))
    return FALSE;

  if (index != NULL)
    {
      g_autofree char *index_path = get_index_path (directory);

      if (!write_file (index_path, index, error))
        return FALSE;
    }

  if (contents != NULL)
    {
      g_autofree char *path = get_draft_path (directory, id);

      if (!write_file (path, contents, error))
        return FALSE;
    }

  return TRUE;
}

static gint64
stat_mtime_nsec (const struct stat *st)
{
  return (gint64) st->st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st->st_mtim.tv_nsec;
}

/* Whether the document of @info on disk was written after the draft file
 * (RELIABILITY case 7).  Only local files are looked at: the drafts are
 * read when the application starts, not the time for network I/O. */
static gboolean
is_older_than_file (const PwDraftInfo *info,
                    const struct stat *draft_st)
{
  g_autofree char *path = NULL;
  const char *scheme;
  struct stat st;

  if (info->uri == NULL)
    return FALSE;

  scheme = g_uri_peek_scheme (info->uri);
  if (g_strcmp0 (scheme, "file") != 0)
    return FALSE;

  path = g_filename_from_uri (info->uri, NULL, NULL);
  if (path == NULL || g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    return FALSE;

  return stat_mtime_nsec (&st) > stat_mtime_nsec (draft_st);
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
 * The index
 */

static GBytes *
serialize_index (PwDrafts *self)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();
  JsonArray *array = json_array_new ();

  json_object_set_string_member (object, "format", PW_DRAFTS_FORMAT);
  json_object_set_int_member (object, "version", PW_DRAFTS_FORMAT_VERSION);
  json_object_set_boolean_member (object, "shutdown", self->shutdown);

  for (guint i = 0; i < self->drafts->len; i++)
    {
      PwDraftInfo *info = g_ptr_array_index (self->drafts, i);
      JsonObject *draft = json_object_new ();

      json_object_set_string_member (draft, "id", info->id);
      if (info->uri != NULL)
        json_object_set_string_member (draft, "uri", info->uri);
      else
        json_object_set_null_member (draft, "uri");
      json_object_set_string_member (draft, "title", info->title);
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
  pw_json_read_int (reader, object, "saved", PW_JSON_OPTIONAL, 0, MAX_SAVED_UNIX, &saved);

  pw_json_reader_pop (reader);

  info = draft_info_new (id);
  info->uri = g_steal_pointer (&uri);
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
  g_autofree char *path = get_index_path (directory);
  g_autoptr(GPtrArray) drafts = draft_list_new ();
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

      /* TRANSLATORS: the first %s is a file, the second the reason */
      display = g_filename_display_name (path);
      set_errno_error (error, saved_errno, _("Cannot read the drafts index %s: %s"), display,
                       g_strerror (saved_errno));
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

      if (draft_list_find (drafts, info->id, NULL) != NULL)
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

        /* TRANSLATORS: the first %s is a file, the second the reason */
        set_errno_error (error, saved_errno, _("Cannot move the damaged drafts index %s aside: %s"),
                         display, g_strerror (saved_errno));
        return FALSE;
      }

    *drafts_out = g_steal_pointer (&drafts);
    *shutdown_out = FALSE;
    *state_out = INDEX_BROKEN;

    return TRUE;
  }
}

/* Reads the index and checks it against the folder: listed drafts whose
 * file is missing are dropped, and @clean_up deletes the files nothing
 * refers to.  When the index was broken, unlisted drafts are adopted. */
static gboolean
load_index (PwDrafts  *self,
            gboolean   clean_up,
            GError   **error)
{
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) drafts = draft_list_new ();
  g_autoptr(GHashTable) known = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) dir = NULL;
  IndexState state;
  gboolean shutdown;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  if (!read_index (self->directory, &listed, &shutdown, &state, error))
    return FALSE;

  known = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < listed->len; i++)
    {
      PwDraftInfo *info = g_ptr_array_index (listed, i);
      g_autofree char *path = get_draft_path (self->directory, info->id);
      struct stat st;

      if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode))
        {
          g_debug ("Draft %s is listed but its file is missing", info->id);
          continue;
        }

      info->older_than_file = is_older_than_file (info, &st);
      g_ptr_array_add (drafts, pw_draft_info_copy (info));
      g_hash_table_add (known, info->id);
    }

  dir = g_dir_open (self->directory, 0, &local_error);
  if (dir == NULL && !g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    g_debug ("Cannot list the drafts folder %s: %s", self->directory, local_error->message);

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (self->directory, name, NULL);
      g_autofree char *id = get_draft_id (name);
      gboolean is_temp = id == NULL && is_temp_name (name);
      struct stat st;

      if ((id == NULL && !is_temp) || (id != NULL && g_hash_table_contains (known, id)))
        continue;
      if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode))
        continue;

      if (id != NULL && state == INDEX_BROKEN && drafts->len < PW_DRAFTS_MAX_DRAFTS)
        {
          PwDraftInfo *info = draft_info_new (id);

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

  g_clear_pointer (&self->drafts, g_ptr_array_unref);
  self->drafts = g_steal_pointer (&drafts);
  self->shutdown = shutdown;
  self->crashed = !shutdown;
  self->loaded = TRUE;

  return TRUE;
}

static gboolean
ensure_loaded (PwDrafts  *self,
               GError   **error)
{
  if (self->loaded)
    return TRUE;

  return load_index (self, FALSE, error);
}

/* Records @id in the index as it is meant to be. */
static gboolean
update_entry (PwDrafts    *self,
              const char  *id,
              GFile       *file,
              const char  *title,
              GError     **error)
{
  PwDraftInfo *info = draft_list_find (self->drafts, id, NULL);

  if (info == NULL)
    {
      if (self->drafts->len >= PW_DRAFTS_MAX_DRAFTS)
        {
          g_set_error (error, PW_ERROR, PW_ERROR_TOO_LARGE,
                       _("Cannot keep drafts of more than %d unsaved documents"),
                       PW_DRAFTS_MAX_DRAFTS);
          return FALSE;
        }

      info = draft_info_new (id);
      g_ptr_array_add (self->drafts, info);
    }

  g_clear_pointer (&info->uri, g_free);
  if (file != NULL)
    info->uri = g_file_get_uri (file);

  /* Keep the index readable by read_entry(): a title is at most
   * PW_MAX_NAME_CHARS characters. */
  g_free (info->title);
  if (g_utf8_strlen (title, -1) > PW_MAX_NAME_CHARS)
    info->title = g_utf8_substring (title, 0, PW_MAX_NAME_CHARS);
  else
    info->title = g_strdup (title);

  info->saved_unix = g_get_real_time () / G_USEC_PER_SEC;
  info->older_than_file = FALSE;

  return TRUE;
}

/* ------------------------------------------------------------------------
 * Serialized writes
 */

typedef struct
{
  char   *directory;
  char   *id;
  GBytes *contents;  /* NULL once a later write of the same draft replaced it */
  GBytes *index;     /* serialized when the write starts */
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_free (job->directory);
  g_free (job->id);
  g_clear_pointer (&job->contents, g_bytes_unref);
  g_clear_pointer (&job->index, g_bytes_unref);
  g_free (job);
}

/* Waits until no worker thread writes. */
static void
wait_for_writer (PwDrafts *self)
{
  g_mutex_lock (&self->lock);
  while (self->writing)
    g_cond_wait (&self->cond, &self->lock);
  g_mutex_unlock (&self->lock);
}

/* A write of @id asked for later makes the waiting ones of the same draft
 * useless, and a removal must not be undone by one of them. */
static void
supersede_waiting (PwDrafts   *self,
                   const char *id)
{
  for (GList *l = self->waiting.head; l != NULL; l = l->next)
    {
      SaveJob *job = g_task_get_task_data (l->data);

      if (g_str_equal (job->id, id))
        g_clear_pointer (&job->contents, g_bytes_unref);
    }
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  PwDrafts *self = source_object;
  SaveJob *job = task_data;
  GError *error = NULL;
  gboolean ok;

  ok = !g_cancellable_set_error_if_cancelled (cancellable, &error)
       && write_draft (job->directory, job->id, job->index, job->contents, &error);

  g_mutex_lock (&self->lock);
  self->writing = FALSE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void start_save (PwDrafts *self,
                        GTask    *task);

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  PwDrafts *self = PW_DRAFTS (object);
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  g_assert (self->running == task);
  self->running = NULL;

  if (!g_queue_is_empty (&self->waiting))
    start_save (self, g_queue_pop_head (&self->waiting));

  if (g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Takes over @task. */
static void
start_save (PwDrafts *self,
            GTask    *task)
{
  g_autoptr(GTask) worker = NULL;
  SaveJob *job = g_task_get_task_data (task);

  g_assert (self->running == NULL);

  /* The index as it is now, with every change asked for so far */
  job->index = serialize_index (self);

  g_mutex_lock (&self->lock);
  g_assert (!self->writing);
  self->writing = TRUE;
  g_mutex_unlock (&self->lock);

  self->running = task;
  worker = g_task_new (self, g_task_get_cancellable (task), save_done_cb, task);
  g_task_set_source_tag (worker, start_save);
  g_task_set_task_data (worker, job, NULL);
  g_task_run_in_thread (worker, save_thread);
}

/* ------------------------------------------------------------------------
 * The object
 */

static void
pw_drafts_finalize (GObject *object)
{
  PwDrafts *self = (PwDrafts *)object;

  /* Every write holds a reference. */
  g_assert (self->running == NULL);
  g_assert (g_queue_is_empty (&self->waiting));

  g_clear_pointer (&self->directory, g_free);
  g_clear_pointer (&self->drafts, g_ptr_array_unref);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);

  G_OBJECT_CLASS (pw_drafts_parent_class)->finalize (object);
}

static void
pw_drafts_constructed (GObject *object)
{
  PwDrafts *self = (PwDrafts *)object;

  G_OBJECT_CLASS (pw_drafts_parent_class)->constructed (object);

  if (self->directory == NULL)
    self->directory = g_build_filename (g_get_user_data_dir (), APP_ID, "drafts", NULL);
}

static void
pw_drafts_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PwDrafts *self = PW_DRAFTS (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      g_value_set_string (value, self->directory);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_drafts_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PwDrafts *self = PW_DRAFTS (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      self->directory = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_drafts_class_init (PwDraftsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = pw_drafts_constructed;
  object_class->finalize = pw_drafts_finalize;
  object_class->get_property = pw_drafts_get_property;
  object_class->set_property = pw_drafts_set_property;

  /**
   * PwDrafts:directory:
   *
   * The folder of the drafts and their index; %NULL at construction
   * means `g_get_user_data_dir()/<app-id>/drafts`.
   */
  properties [PROP_DIRECTORY] =
    g_param_spec_string ("directory", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pw_drafts_init (PwDrafts *self)
{
  self->drafts = draft_list_new ();
  self->shutdown = TRUE;
  g_queue_init (&self->waiting);
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
}

/**
 * pw_drafts_new:
 * @directory: (nullable): the drafts folder, or %NULL for
 *   `g_get_user_data_dir()/<app-id>/drafts`
 *
 * Nothing is read or written before the first call that needs it.
 *
 * Returns: (transfer full): a new #PwDrafts
 */
PwDrafts *
pw_drafts_new (const char *directory)
{
  return g_object_new (PW_TYPE_DRAFTS, "directory", directory, NULL);
}

const char *
pw_drafts_get_directory (PwDrafts *self)
{
  g_return_val_if_fail (PW_IS_DRAFTS (self), NULL);

  return self->directory;
}

/**
 * pw_drafts_new_id:
 *
 * Returns: (transfer full): a fresh draft id, for a document opened or
 *   created.  A random UUID: unique, not secret.
 */
char *
pw_drafts_new_id (void)
{
  return g_uuid_string_random ();
}

/**
 * pw_drafts_begin_session:
 * @recovered: (out) (optional) (element-type PwDraftInfo) (transfer full):
 *   the drafts found, in the order they were listed
 *
 * Reads the index, as untrusted data, and returns every draft whose file
 * is still there, whether the previous session crashed
 * (pw_drafts_get_crashed()) or ended with drafts still listed: a draft is
 * never dropped silently.  A draft whose document changed on disk after it
 * was written has @older_than_file set.  An unreadable index is moved aside
 * to `index.json.broken`; the drafts of the folder are then returned as
 * untitled ones.  Files that a complete index does not list and older than
 * a minute are deleted, as are temporary files left by killed writes.
 * Then the index is written back, marking this session as running.
 * Call it when the application starts, before any pw_drafts_save_async().
 *
 * Returns: %FALSE when the index cannot be read or written; the drafts then
 *   stay as they are on disk
 */
gboolean
pw_drafts_begin_session (PwDrafts   *self,
                         GPtrArray **recovered,
                         GError    **error)
{
  g_autoptr(GBytes) index = NULL;

  g_return_val_if_fail (PW_IS_DRAFTS (self), FALSE);
  g_return_val_if_fail (recovered == NULL || *recovered == NULL, FALSE);
  /* The index is read again from disk: no write may be pending. */
  g_return_val_if_fail (self->running == NULL, FALSE);
  g_return_val_if_fail (g_queue_is_empty (&self->waiting), FALSE);

  wait_for_writer (self);

  if (!load_index (self, TRUE, error))
    return FALSE;

  self->shutdown = FALSE;
  index = serialize_index (self);
  if (!write_draft (self->directory, NULL, index, NULL, error))
    return FALSE;

  if (recovered != NULL)
    *recovered = draft_list_copy (self->drafts);

  return TRUE;
}

/**
 * pw_drafts_end_session:
 *
 * Marks the session as ended cleanly, when the application quits after
 * every document was saved or discarded.
 */
gboolean
pw_drafts_end_session (PwDrafts  *self,
                       GError   **error)
{
  g_autoptr(GBytes) index = NULL;

  g_return_val_if_fail (PW_IS_DRAFTS (self), FALSE);

  wait_for_writer (self);

  if (!ensure_loaded (self, error))
    return FALSE;

  self->shutdown = TRUE;
  index = serialize_index (self);

  return write_draft (self->directory, NULL, index, NULL, error);
}

/**
 * pw_drafts_get_crashed:
 *
 * Returns: %TRUE when pw_drafts_begin_session() found that the previous
 *   session did not end with pw_drafts_end_session()
 */
gboolean
pw_drafts_get_crashed (PwDrafts *self)
{
  g_return_val_if_fail (PW_IS_DRAFTS (self), FALSE);

  return self->crashed;
}

/**
 * pw_drafts_save:
 * @id: the document's draft id (pw_drafts_new_id())
 * @file: (nullable): the document's own file, or %NULL for an untitled one
 * @title: the document's title
 * @contents: the unsaved document
 *
 * Writes the draft of a document and lists it in the index, both
 * atomically (G_FILE_SET_CONTENTS_CONSISTENT), readable by the user only,
 * creating the folder if needed.  A title longer than %PW_MAX_NAME_CHARS
 * characters is cut.  Waits for an asynchronous write in progress.  Fails
 * with %PW_ERROR_TOO_LARGE for a new draft when %PW_DRAFTS_MAX_DRAFTS are
 * kept already: the index of the next start reads no more.
 */
gboolean
pw_drafts_save (PwDrafts    *self,
                const char  *id,
                GFile       *file,
                const char  *title,
                GBytes      *contents,
                GError     **error)
{
  g_autoptr(GBytes) index = NULL;

  g_return_val_if_fail (PW_IS_DRAFTS (self), FALSE);
  g_return_val_if_fail (pw_is_valid_id (id), FALSE);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), FALSE);
  g_return_val_if_fail (title != NULL && g_utf8_validate (title, -1, NULL), FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);

  wait_for_writer (self);

  if (!ensure_loaded (self, error) || !update_entry (self, id, file, title, error))
    return FALSE;

  supersede_waiting (self, id);
  index = serialize_index (self);

  return write_draft (self->directory, id, index, contents, error);
}

/**
 * pw_drafts_save_async:
 *
 * Like pw_drafts_save(): the index is updated on the calling thread, and
 * serialized there when the write starts; both files are written in a
 * worker thread.  Writes run one after the other, in the order they were
 * asked for, and a write still waiting is skipped for a draft saved again
 * or removed meanwhile.  When cancelled or failed, the entry stays in the
 * index kept in memory and reaches the disk with the next write; an entry
 * whose file was never written is dropped at the next start.
 */
void
pw_drafts_save_async (PwDrafts            *self,
                      const char          *id,
                      GFile               *file,
                      const char          *title,
                      GBytes              *contents,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GError) error = NULL;
  SaveJob *job;
  GTask *task;

  g_return_if_fail (PW_IS_DRAFTS (self));
  g_return_if_fail (pw_is_valid_id (id));
  g_return_if_fail (file == NULL || G_IS_FILE (file));
  g_return_if_fail (title != NULL && g_utf8_validate (title, -1, NULL));
  g_return_if_fail (contents != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pw_drafts_save_async);

  if (!ensure_loaded (self, &error) || !update_entry (self, id, file, title, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  supersede_waiting (self, id);

  job = g_new0 (SaveJob, 1);
  job->directory = g_strdup (self->directory);
  job->id = g_strdup (id);
  job->contents = g_bytes_ref (contents);
  g_task_set_task_data (task, job, (GDestroyNotify) save_job_free);

  if (self->running != NULL)
    g_queue_push_tail (&self->waiting, task);
  else
    start_save (self, task);
}

gboolean
pw_drafts_save_finish (PwDrafts      *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (PW_IS_DRAFTS (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pw_drafts_save_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * pw_drafts_remove:
 * @id: the document's draft id
 *
 * Removes a draft from the index and deletes its file, after a real save
 * or when the user discards the changes.  Removing a draft that does not
 * exist is not an error.
 */
gboolean
pw_drafts_remove (PwDrafts    *self,
                  const char  *id,
                  GError     **error)
{
  g_autofree char *path = NULL;
  guint position;

  g_return_val_if_fail (PW_IS_DRAFTS (self), FALSE);
  g_return_val_if_fail (pw_is_valid_id (id), FALSE);

  wait_for_writer (self);

  if (!ensure_loaded (self, error))
    return FALSE;

  supersede_waiting (self, id);

  if (draft_list_find (self->drafts, id, &position) != NULL)
    {
      g_autoptr(GBytes) index = NULL;

      g_ptr_array_remove_index (self->drafts, position);
      index = serialize_index (self);
      if (!write_draft (self->directory, NULL, index, NULL, error))
        return FALSE;
    }

  /* Unlisted first: a crash here leaves a file that the next start deletes. */
  path = get_draft_path (self->directory, id);
  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (path);

      /* TRANSLATORS: the first %s is a file, the second the reason */
      set_errno_error (error, saved_errno, _("Cannot delete the draft %s: %s"), display,
                       g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/**
 * pw_drafts_load:
 * @id: a draft id, from pw_drafts_begin_session() or pw_drafts_list()
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

  wait_for_writer (self);

  path = get_draft_path (self->directory, id);
  if (g_lstat (path, &st) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (path);

      /* TRANSLATORS: the first %s is a file, the second the reason */
      set_errno_error (error, saved_errno, _("Cannot read the draft %s: %s"), display,
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

/**
 * pw_drafts_list:
 *
 * Returns: (transfer full) (element-type PwDraftInfo): the drafts listed
 *   now, in the order they were first saved
 */
GPtrArray *
pw_drafts_list (PwDrafts *self)
{
  g_return_val_if_fail (PW_IS_DRAFTS (self), NULL);

  return draft_list_copy (self->drafts);
}
