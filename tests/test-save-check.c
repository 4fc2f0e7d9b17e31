/* test-save-check.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * A save never writes a file that Phasewise itself refuses to open
 * (issue 8).
 *
 *   /phasewise/save-check/layout               json-glib's layout, any depth
 *   /phasewise/save-check/numbers/format       the shortest form that reads
 *                                              back as the same double
 *   /phasewise/save-check/numbers/root         1e17, 1e20, 1e308 in members
 *   /phasewise/save-check/numbers/framework      of a newer version, at the
 *   /phasewise/save-check/numbers/answer         root, in the framework
 *                                                snapshot, in an answer:
 *                                                saved and opened again
 *   /phasewise/save-check/numbers/summary      --summary --json: 2.12
 *   /phasewise/save-check/control-characters   a note with U+001F
 *   /phasewise/save-check/refused/unreadable   what would not open again is
 *                                              not written, the file intact
 *   /phasewise/save-check/refused/too-large    nor what is larger than the
 *                                              load limit, workbook or draft
 *   /phasewise/save-check/backup/not-from-broken  a file that does not open
 *                                              never replaces the backup
 *   /phasewise/save-check/empty-commentary     an empty commentary is kept
 */

#define G_LOG_DOMAIN "test-save-check"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "pw-test-core.h"
#include "pw-json-util.h"
#include "pw-json-util-private.h"

#define X_NUMBERS "\"x_numbers\" : [1e17, 1E20, 1e308, -2.5e-300, 2.12, 100.0, 7]"

static const double x_numbers[] = { 1e17, 1e20, 1e308, -2.5e-300, 2.12, 100.0 };

/* ------------------------------------------------------------------------
 * Helpers
 */

static char *
read_example_text (void)
{
  g_autofree char *path = pw_test_example_path ();
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);

  return text;
}

/* @text with @insert put right after the first @anchor that follows @after
 * (or the start). */
static char *
insert_after (const char *text,
              const char *after,
              const char *anchor,
              const char *insert)
{
  const char *from = after != NULL ? strstr (text, after) : text;
  const char *at;

  g_assert_nonnull (from);
  at = strstr (from, anchor);
  g_assert_nonnull (at);
  at += strlen (anchor);

  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, insert, at);
}

static PwDocument *
load_document (GFile *file)
{
  g_autoptr(GError) error = NULL;
  PwDocument *document = pw_document_new (pw_test_get_session ());

  pw_document_load (document, file, NULL, &error);
  g_assert_no_error (error);

  return document;
}

/* The x_numbers array in @object, read back exactly. */
static void
assert_numbers (JsonObject *object)
{
  JsonArray *array;

  g_assert_true (json_object_has_member (object, "x_numbers"));
  array = json_object_get_array_member (object, "x_numbers");
  g_assert_cmpuint (json_array_get_length (array), ==, G_N_ELEMENTS (x_numbers) + 1);

  for (guint i = 0; i < G_N_ELEMENTS (x_numbers); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_DOUBLE);
      g_assert_cmpfloat (json_node_get_double (node), ==, x_numbers[i]);
    }

  /* An integer stays one. */
  g_assert_cmpint (json_node_get_value_type (json_array_get_element (array, 6)), ==,
                   G_TYPE_INT64);
  g_assert_cmpint (json_array_get_int_element (array, 6), ==, 7);
}

typedef JsonObject *(*FindFunc) (JsonObject *root);

static JsonObject *
find_root (JsonObject *root)
{
  return root;
}

static JsonObject *
find_framework (JsonObject *root)
{
  return json_object_get_object_member (root, "framework");
}

static JsonObject *
find_answer (JsonObject *root)
{
  JsonArray *assessments = json_object_get_array_member (root, "assessments");
  JsonObject *assessment = json_array_get_object_element (assessments, 0);
  JsonObject *answers = json_object_get_object_member (assessment, "answers");
  g_autoptr(GList) members = json_object_get_members (answers);

  return json_object_get_object_member (answers, members->data);
}

/* A workbook with x_numbers inserted into @text is saved through a
 * document, and the file it writes opens again with the same numbers. */
static void
assert_numbers_survive (const char *text,
                        FindFunc    find)
{
  g_autofree char *dir = pw_test_make_tmp_dir ("pw-save-check-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "numbers.phasewise", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PwDocument) document = NULL;
  g_autoptr(PwDocument) reopened = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;

  pw_test_write_text (path, text);
  document = load_document (file);

  /* A change, so that the save writes what the writer makes of it. */
  pw_workbook_set_name (pw_document_get_workbook (document), "Numbers");
  pw_document_save (document, NULL, PW_SAVE_NONE, NULL, &error);
  g_assert_no_error (error);

  saved = pw_test_read_bytes (path);
  reopened = load_document (file);
  g_assert_cmpstr (pw_workbook_get_name (pw_document_get_workbook (reopened)), ==, "Numbers");

  root = pw_json_parse_bytes (saved, &error);
  g_assert_no_error (error);
  assert_numbers (find (json_node_get_object (root)));

  /* Written the same way again. */
  saved_again = pw_workbook_serialize (pw_document_get_workbook (reopened));
  g_assert_true (g_bytes_equal (saved, saved_again));

  pw_test_remove_tree (dir);
}

/* ------------------------------------------------------------------------
 * Numbers
 */

static void
assert_format (double      value,
               const char *expected)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *json = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (pw_json_format_double (buffer, value), ==, expected);

  /* Strict JSON that reads back as the same number (null for the ones
   * JSON cannot hold). */
  json = g_strdup_printf ("[%s]", buffer);
  bytes = g_bytes_new (json, strlen (json));
  node = pw_json_parse_bytes (bytes, &error);
  g_assert_no_error (error);
  if (isfinite (value))
    {
      JsonNode *element = json_array_get_element (json_node_get_array (node), 0);

      g_assert_cmpint (json_node_get_value_type (element), ==, G_TYPE_DOUBLE);
      g_assert_cmpfloat (json_node_get_double (element), ==, value);
    }
}

static void
test_format (void)
{
  g_test_summary ("Doubles are written in the shortest form that reads back the same, "
                  "and always as JSON");
  g_test_bug ("8");

  assert_format (2.12, "2.12");
  assert_format (0.1 + 0.2, "0.30000000000000004");
  assert_format (100.0, "100.0");
  assert_format (-0.0, "-0.0");
  assert_format (1e17, "1e+17");
  assert_format (1e20, "1e+20");
  assert_format (1e308, "1e+308");
  assert_format (-2.5e-300, "-2.5e-300");
  assert_format (1e-7, "1e-07");
  assert_format (DBL_MAX, "1.7976931348623157e+308");
  assert_format (4.9406564584124654e-324, "4.94065645841247e-324");
  assert_format (INFINITY, "null");
  assert_format (-INFINITY, "null");
  assert_format (NAN, "null");
}

/* Where json-glib writes JSON, ours writes the very same bytes. */
static void
test_layout (void)
{
  GString *text = g_string_new (NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GBytes) ours = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *theirs = NULL;

  g_test_summary ("pw_json_to_bytes() lays files out as json-glib does, at any depth");
  g_test_bug ("8");

  /* 40 levels of objects and arrays, with empty ones, texts to escape and
   * integers along the way. */
  for (guint i = 0; i < 40; i++)
    g_string_append_printf (text,
                            i % 2 ? "[{}, [], %u, \"a\\\"b\\n\\u00e9\", "
                                  : "{\"k%u\" : {}, \"n\" : ",
                            i);
  g_string_append (text, "null");
  for (guint i = 40; i-- > 0;)
    g_string_append (text, i % 2 ? "]" : "}");

  json_parser_load_from_data (parser, text->str, -1, &error);
  g_assert_no_error (error);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, json_parser_get_root (parser));
  theirs = json_generator_to_data (generator, NULL);
  ours = pw_json_to_bytes (json_parser_get_root (parser));

  g_assert_cmpuint (g_bytes_get_size (ours), ==, strlen (theirs) + 1);
  g_assert_cmpmem (g_bytes_get_data (ours, NULL), strlen (theirs), theirs, strlen (theirs));
  g_string_free (text, TRUE);
}

static void
test_numbers_root (void)
{
  g_autofree char *example = read_example_text ();
  g_autofree char *text = NULL;

  g_test_summary ("Large round doubles in a member of a newer version at the root survive "
                  "a save");
  g_test_bug ("8");

  text = insert_after (example, NULL, "{\n", "  " X_NUMBERS ",\n");
  assert_numbers_survive (text, find_root);
}

static void
test_numbers_framework (void)
{
  g_autofree char *example = read_example_text ();
  g_autofree char *text = NULL;

  g_test_summary ("Large round doubles in the framework snapshot survive a save");
  g_test_bug ("8");

  text = insert_after (example, NULL, "\"framework\" : {\n", "    " X_NUMBERS ",\n");
  assert_numbers_survive (text, find_framework);
}

static void
test_numbers_answer (void)
{
  g_autofree char *example = read_example_text ();
  g_autofree char *text = NULL;

  g_test_summary ("Large round doubles in a member of an answer survive a save");
  g_test_bug ("8");

  text = insert_after (example, "\"answers\" : {", "\"strategy-1\" : {\n",
                       "          " X_NUMBERS ",\n");
  assert_numbers_survive (text, find_answer);
}

static void
test_numbers_summary (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  g_autoptr(JsonNode) node = pw_summary_to_json (workbook);
  g_autoptr(GBytes) bytes = pw_json_to_bytes (node);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_test_summary ("--summary --json writes 2.05, not 2.0499999999999998");
  g_test_bug ("8");

  /* The example's overall score. */
  g_assert_nonnull (strstr (text, "\"score\" : 2.05,\n"));
  g_assert_null (strstr (text, "0000000"));
}

/* ------------------------------------------------------------------------
 * Strings
 */

static void
test_control_characters (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  g_autoptr(PwAssessment) assessment = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PwWorkbook) loaded = NULL;
  g_autoptr(GError) error = NULL;
  const char *note = "one\x01two\x1fthree\x7f\t\"\\/";
  const char *question = "strategy-1";  /* answered in the example */

  g_test_summary ("Every control character in a text is escaped (json-glib writes U+001F "
                  "as it is)");
  g_test_bug ("8");

  assessment = g_list_model_get_item (pw_workbook_get_assessments (workbook), 0);
  pw_answer_set_note (pw_assessment_lookup_answer (assessment, question), note);

  bytes = pw_workbook_serialize (workbook);
  loaded = pw_workbook_load_from_bytes (bytes, &error);
  g_assert_no_error (error);
  g_clear_object (&assessment);
  assessment = g_list_model_get_item (pw_workbook_get_assessments (loaded), 0);
  g_assert_cmpstr (pw_answer_get_note (pw_assessment_lookup_answer (assessment, question)), ==,
                   note);
}

/* ------------------------------------------------------------------------
 * Refused saves
 */

typedef struct
{
  char      *dir;
  char      *path;      /* dir/doc.phasewise, a copy of the example */
  GFile     *file;
  GBytes    *original;  /* what it holds */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autofree char *example = pw_test_example_path ();

  fixture->dir = pw_test_make_tmp_dir ("pw-save-check-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "doc.phasewise", NULL);
  fixture->file = g_file_new_for_path (fixture->path);
  fixture->original = pw_test_read_bytes (example);
  pw_test_write_bytes (fixture->path, fixture->original);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  pw_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->original, g_bytes_unref);
  g_clear_object (&fixture->file);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
}

/* Members of a newer version at the root: @n strings of @length bytes. */
static void
set_unknown_strings (PwWorkbook *workbook,
                     guint       n,
                     gsize       length)
{
  JsonObject *unknown = json_object_new ();
  g_autofree char *text = g_strnfill (length, 'x');

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("x_text_%u", i);

      json_object_set_string_member (unknown, name, text);
    }
  _pw_json_set_unknown_named (workbook, "root", unknown);
}

static void
assert_not_saved (Fixture      *fixture,
                  PwDocument   *document,
                  const GError *error)
{
  g_autoptr(GFile) backup = pw_file_get_backup_file (fixture->file);
  g_autofree char *name = g_file_get_parse_name (fixture->file);

  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, name));
  pw_test_assert_file_bytes (fixture->path, fixture->original);
  g_assert_false (g_file_query_exists (backup, NULL));
  g_assert_true (pw_document_get_modified (document));
}

static void
test_refused_unreadable (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(PwDocument) document = load_document (fixture->file);
  PwWorkbook *workbook = pw_document_get_workbook (document);
  g_autoptr(GError) error = NULL;

  g_test_summary ("A save that would write a file Phasewise refuses to open writes nothing "
                  "and says why");
  g_test_bug ("8");

  /* The reader takes strings of 1 MiB at most: the writer does not know. */
  set_unknown_strings (workbook, 1, 2 * 1024 * 1024);
  pw_workbook_set_name (workbook, "Not saved");

  g_assert_false (pw_document_save (document, NULL, PW_SAVE_NONE, NULL, &error));
  g_assert_error (error, PW_ERROR, PW_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "could not open what it was about to write"));
  assert_not_saved (fixture, document, error);
}

static void
draft_saved_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GError **error = user_data;

  g_assert_false (pw_drafts_save_finish (PW_DRAFTS (object), result, error));
  g_assert_nonnull (*error);
}

static void
test_refused_too_large (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(PwDocument) document = load_document (fixture->file);
  PwWorkbook *workbook = pw_document_get_workbook (document);
  g_autofree char *drafts_dir = g_build_filename (fixture->dir, "drafts", NULL);
  g_autoptr(PwDrafts) drafts = pw_drafts_new (drafts_dir);
  g_autofree char *id = pw_drafts_new_id ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) async_error = NULL;

  g_test_summary ("A workbook or draft larger than Phasewise opens is refused at save time, "
                  "the file intact");
  g_test_bug ("8");

  /* 68 MB, each string within what the reader takes. */
  set_unknown_strings (workbook, 68, 1000 * 1000);
  pw_workbook_set_name (workbook, "Not saved");

  g_assert_false (pw_document_save (document, NULL, PW_SAVE_NONE, NULL, &error));
  g_assert_error (error, PW_ERROR, PW_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "larger than the 64 MiB that Phasewise can open"));
  assert_not_saved (fixture, document, error);

  /* Nor is its draft written, which could not be restored. */
  bytes = pw_workbook_serialize (workbook);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, PW_WORKBOOK_MAX_BYTES);
  g_clear_error (&error);
  g_assert_false (pw_drafts_save (drafts, id, fixture->file, NULL, "Big", bytes, &error));
  g_assert_error (error, PW_ERROR, PW_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "“Big”"));
  g_assert_nonnull (strstr (error->message, "64 MiB"));

  pw_drafts_save_async (drafts, id, fixture->file, NULL, "Big", bytes, NULL, draft_saved_cb,
                        &async_error);
  while (async_error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (async_error, PW_ERROR, PW_ERROR_TOO_LARGE);

  g_assert_false (g_file_test (drafts_dir, G_FILE_TEST_EXISTS));
}

/* ------------------------------------------------------------------------
 * Backups
 */

static GBytes *
read_backup (Fixture *fixture)
{
  g_autoptr(GFile) backup = pw_file_get_backup_file (fixture->file);
  g_autofree char *path = g_file_get_path (backup);

  return pw_test_read_bytes (path);
}

static void
test_backup_not_from_broken (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(PwDocument) document = load_document (fixture->file);
  PwWorkbook *workbook = pw_document_get_workbook (document);
  g_autoptr(PwWorkbook) other = NULL;
  g_autoptr(GBytes) backup = NULL;
  g_autoptr(GBytes) other_bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_test_summary ("A file that does not open never replaces the backup");
  g_test_bug ("8");

  /* The file as it was loaded becomes the backup. */
  pw_workbook_set_name (workbook, "First");
  g_assert_true (pw_document_save (document, NULL, PW_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);
  backup = read_backup (fixture);
  g_assert_true (g_bytes_equal (backup, fixture->original));
  g_clear_pointer (&backup, g_bytes_unref);

  /* Someone else breaks the file; saving over it keeps the backup. */
  pw_test_write_text (fixture->path, "{\"format\" : \"phasewise-workbook\", \"cut short");
  pw_workbook_set_name (workbook, "Second");
  g_assert_false (pw_document_save (document, NULL, PW_SAVE_NONE, NULL, &error));
  g_assert_error (error, PW_ERROR, PW_ERROR_MODIFIED);
  g_clear_error (&error);
  g_assert_true (pw_document_save (document, NULL, PW_SAVE_OVERWRITE, NULL, &error));
  g_assert_no_error (error);
  backup = read_backup (fixture);
  g_assert_true (g_bytes_equal (backup, fixture->original));
  g_clear_pointer (&backup, g_bytes_unref);

  /* Someone else's workbook that opens is kept, though. */
  other = pw_workbook_load_from_bytes (fixture->original, &error);
  g_assert_no_error (error);
  pw_workbook_set_name (other, "Someone else's");
  other_bytes = pw_workbook_serialize (other);
  pw_test_write_bytes (fixture->path, other_bytes);
  pw_workbook_set_name (workbook, "Third");
  g_assert_true (pw_document_save (document, NULL, PW_SAVE_OVERWRITE, NULL, &error));
  g_assert_no_error (error);
  backup = read_backup (fixture);
  g_assert_true (g_bytes_equal (backup, other_bytes));
}

/* ------------------------------------------------------------------------
 * What was loaded is what is saved
 */

static void
test_empty_commentary (void)
{
  g_autofree char *example = read_example_text ();
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(PwWorkbook) workbook = NULL;
  g_autoptr(PwReportDraft) report = NULL;
  g_autoptr(GError) error = NULL;

  g_test_summary ("An empty commentary is saved as it was loaded");
  g_test_bug ("8");

  /* "strategy" comes before "governance" in the framework. */
  text = insert_after (example, NULL, "\"commentary\" : {\n", "        \"strategy\" : \"\",\n");
  bytes = g_bytes_new (text, strlen (text));
  workbook = pw_workbook_load_from_bytes (bytes, &error);
  g_assert_no_error (error);

  report = g_list_model_get_item (pw_workbook_get_reports (workbook), 0);
  g_assert_cmpstr (pw_report_draft_get_commentary (report, "strategy"), ==, "");

  saved = pw_workbook_serialize (workbook);
  g_assert_true (g_bytes_equal (saved, bytes));

  /* NULL removes it. */
  pw_report_draft_set_commentary (report, "strategy", NULL);
  g_assert_null (pw_report_draft_get_commentary (report, "strategy"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/phasewise/save-check/layout", test_layout);
  g_test_add_func ("/phasewise/save-check/numbers/format", test_format);
  g_test_add_func ("/phasewise/save-check/numbers/root", test_numbers_root);
  g_test_add_func ("/phasewise/save-check/numbers/framework", test_numbers_framework);
  g_test_add_func ("/phasewise/save-check/numbers/answer", test_numbers_answer);
  g_test_add_func ("/phasewise/save-check/numbers/summary", test_numbers_summary);
  g_test_add_func ("/phasewise/save-check/control-characters", test_control_characters);

  g_test_add ("/phasewise/save-check/refused/unreadable", Fixture, NULL, fixture_set_up,
              test_refused_unreadable, fixture_tear_down);
  g_test_add ("/phasewise/save-check/refused/too-large", Fixture, NULL, fixture_set_up,
              test_refused_too_large, fixture_tear_down);
  g_test_add ("/phasewise/save-check/backup/not-from-broken", Fixture, NULL, fixture_set_up,
              test_backup_not_from_broken, fixture_tear_down);
  g_test_add_func ("/phasewise/save-check/empty-commentary", test_empty_commentary);

  status = g_test_run ();

  return status;
}
