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
 *   /phasewise/save-check/numbers/format       the shortest form that reads
 *                                              back as the same double
 *   /phasewise/save-check/numbers/root         1e17, 1e20, 1e308 in members
 *   /phasewise/save-check/numbers/framework      of a newer version, at the
 *   /phasewise/save-check/numbers/answer         root, in the framework
 *                                                snapshot, in an answer:
 *                                                saved and opened again
 *   /phasewise/save-check/numbers/summary      --summary --json: 2.12
 *   /phasewise/save-check/control-characters   a note with U+001F
 */

#define G_LOG_DOMAIN "test-save-check"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "pw-test-core.h"
#include "pw-json-util.h"

#define X_NUMBERS "\"x_numbers\" : [1e17, 1E20, 1e308, -2.5e-300, 2.12, 100.0, 7]"

static const double x_numbers[] = { 1e17, 1e20, 1e308, -2.5e-300, 2.12, 100.0 };

/* ------------------------------------------------------------------------
 * Helpers
 */

static PwSession *session;

/* The documents of these tests share one session, which keeps no drafts. */
static PwSession *
get_session (void)
{
  if (session == NULL)
    {
      g_autoptr(GSettings) settings = g_settings_new (PW_SETTINGS_SCHEMA);

      g_settings_set_boolean (settings, "autosave", FALSE);
      session = pw_session_new (settings, NULL);
    }

  return session;
}

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
  PwDocument *document = pw_document_new (get_session ());

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

static void
test_numbers_root (void)
{
  g_autofree char *example = read_example_text ();
  g_autofree char *text = NULL;

  g_test_summary ("Large round doubles in a member of a newer version at the root survive "
                  "a save");

  text = insert_after (example, NULL, "{\n", "  " X_NUMBERS ",\n");
  assert_numbers_survive (text, find_root);
}

static void
test_numbers_framework (void)
{
  g_autofree char *example = read_example_text ();
  g_autofree char *text = NULL;

  g_test_summary ("Large round doubles in the framework snapshot survive a save");

  text = insert_after (example, NULL, "\"framework\" : {\n", "    " X_NUMBERS ",\n");
  assert_numbers_survive (text, find_framework);
}

static void
test_numbers_answer (void)
{
  g_autofree char *example = read_example_text ();
  g_autofree char *text = NULL;

  g_test_summary ("Large round doubles in a member of an answer survive a save");

  text = insert_after (example, "\"answers\" : {", "\"strategy-1\" : {\n", "          " X_NUMBERS ",\n");
  assert_numbers_survive (text, find_answer);
}

static void
test_numbers_summary (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  g_autoptr(JsonNode) node = pw_summary_to_json (workbook);
  g_autoptr(GBytes) bytes = pw_json_to_bytes (node);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_test_summary ("--summary --json writes 2.12, not 2.1200000000000001");

  /* The example's overall score. */
  g_assert_nonnull (strstr (text, "\"score\" : 2.12,\n"));
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

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/phasewise/save-check/numbers/format", test_format);
  g_test_add_func ("/phasewise/save-check/numbers/root", test_numbers_root);
  g_test_add_func ("/phasewise/save-check/numbers/framework", test_numbers_framework);
  g_test_add_func ("/phasewise/save-check/numbers/answer", test_numbers_answer);
  g_test_add_func ("/phasewise/save-check/numbers/summary", test_numbers_summary);
  g_test_add_func ("/phasewise/save-check/control-characters", test_control_characters);

  status = g_test_run ();
  g_clear_object (&session);

  return status;
}
