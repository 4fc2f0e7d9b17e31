/* test-migration.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <phasewise-core.h>

#include "pw-test-core.h"

/*
 * Migrating a workbook to a newer version of its framework: the plan says
 * what happens to every question before anything changes, answers move by
 * the mapping the new framework declares, answers no new question takes are
 * kept as retired, and the document takes the migration back with undo,
 * byte for byte.
 */

static PwWorkbook *
load_1_0_workbook (const char *name)
{
  g_autofree char *path = pw_test_source_path ("tests", "fixtures", name, NULL);

  return pw_test_load_workbook (path);
}

static JsonObject *
find_question (JsonObject *root,
               const char *id,
               JsonArray **questions_out,
               guint      *index_out)
{
  JsonArray *dimensions = json_object_get_array_member (root, "dimensions");

  for (guint d = 0; d < json_array_get_length (dimensions); d++)
    {
      JsonArray *questions = json_object_get_array_member (
        json_array_get_object_element (dimensions, d), "questions");

      for (guint q = 0; q < json_array_get_length (questions); q++)
        {
          JsonObject *question = json_array_get_object_element (questions, q);

          if (g_str_equal (json_object_get_string_member (question, "id"), id))
            {
              if (questions_out != NULL)
                *questions_out = questions;
              if (index_out != NULL)
                *index_out = q;
              return question;
            }
        }
    }

  g_assert_not_reached ();
}

static void
set_replaces (JsonObject         *question,
              const char * const *ids)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; ids[i] != NULL; i++)
    json_array_add_string_element (array, ids[i]);
  json_object_set_array_member (question, "replaces", array);
}

/* Version 1.1.0 of the 1.0.0 framework, made for the test: every question
 * replaces itself, except that strategy-2 is reworded, strategy-3 retired,
 * listening-2 merged into listening-1 and strategy-9 new. */
static PwFramework *
make_target (void)
{
  g_autofree char *path = pw_test_source_path ("data", "frameworks", "lostinsm-1.0.0.json", NULL);
  g_autoptr(GBytes) bytes = pw_test_read_bytes (path);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) target_bytes = NULL;
  JsonObject *root, *question, *strategy, *added;
  JsonArray *dimensions, *questions, *options;
  PwFramework *target;
  char *text;
  gsize length;
  guint index;

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                             (gssize) g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  json_object_set_int_member (root, "format_version", 2);
  json_object_set_string_member (root, "version", "1.1.0");

  dimensions = json_object_get_array_member (root, "dimensions");
  for (guint d = 0; d < json_array_get_length (dimensions); d++)
    {
      questions = json_object_get_array_member (json_array_get_object_element (dimensions, d),
                                                "questions");
      for (guint q = 0; q < json_array_get_length (questions); q++)
        {
          JsonObject *each = json_array_get_object_element (questions, q);
          const char *ids[] = { json_object_get_string_member (each, "id"), NULL };

          set_replaces (each, ids);
        }
    }

  question = find_question (root, "strategy-2", NULL, NULL);
  json_object_set_string_member (question, "text", "Who backs social media at the top?");

  find_question (root, "strategy-3", &questions, &index);
  json_array_remove_element (questions, index);

  find_question (root, "listening-2", &questions, &index);
  json_array_remove_element (questions, index);
  set_replaces (find_question (root, "listening-1", NULL, NULL),
                (const char * const[]) { "listening-2", "listening-1", NULL });

  strategy = json_array_get_object_element (dimensions, 0);
  added = json_object_new ();
  json_object_set_string_member (added, "id", "strategy-9");
  json_object_set_string_member (added, "text", "A question with nothing before it?");
  options = json_array_new ();
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *option = g_strdup_printf ("Option %u.", i + 1);

      json_array_add_string_element (options, option);
    }
  json_object_set_array_member (added, "options", options);
  json_array_add_object_element (json_object_get_array_member (strategy, "questions"), added);

  json_generator_set_root (generator, json_parser_get_root (parser));
  text = json_generator_to_data (generator, &length);
  target_bytes = g_bytes_new_take (text, length);
  target = pw_framework_new_from_bytes (target_bytes, &error);
  g_assert_no_error (error);

  return target;
}

static PwAnswer *
lookup (PwWorkbook *workbook,
        guint       index,
        const char *question_id)
{
  g_autoptr(PwAssessment) assessment =
    g_list_model_get_item (pw_workbook_get_assessments (workbook), index);

  return pw_assessment_lookup_answer (assessment, question_id);
}

static const PwRetiredAnswer *
find_retired (PwWorkbook *workbook,
              guint       index,
              const char *question_id)
{
  g_autoptr(PwAssessment) assessment =
    g_list_model_get_item (pw_workbook_get_assessments (workbook), index);
  GPtrArray *retired = pw_assessment_get_retired_answers (assessment);

  for (guint i = 0; i < retired->len; i++)
    {
      const PwRetiredAnswer *answer = g_ptr_array_index (retired, i);

      if (g_str_equal (answer->question_id, question_id))
        return answer;
    }

  return NULL;
}

static void
test_plan (void)
{
  g_autoptr(PwWorkbook) workbook = load_1_0_workbook ("larkspur-1.0.phasewise");
  g_autoptr(PwFramework) target = make_target ();
  g_autoptr(PwMigration) migration = NULL;
  g_autoptr(GError) error = NULL;
  guint n_old = pw_framework_get_n_questions (pw_workbook_get_framework (workbook));

  g_assert_true (pw_migration_is_available (workbook, target));
  migration = pw_migration_new (workbook, target, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (pw_migration_count_questions (migration, PW_QUESTION_RETIRED), ==, 1);
  g_assert_cmpuint (pw_migration_count_questions (migration, PW_QUESTION_NEW), ==, 1);
  /* strategy-2 reworded, listening-1 merged */
  g_assert_cmpuint (pw_migration_count_questions (migration, PW_QUESTION_REWORDED), ==, 2);
  g_assert_cmpuint (pw_migration_count_questions (migration, PW_QUESTION_UNCHANGED), ==,
                    n_old - 4);
  g_assert_cmpuint (pw_migration_get_n_questions (migration), ==, n_old - 2 + 1 + 1);

  for (guint i = 0; i < pw_migration_get_n_questions (migration); i++)
    {
      const PwMigrationQuestion *entry = pw_migration_get_question (migration, i);

      if (entry->change == PW_QUESTION_RETIRED)
        {
          g_assert_null (entry->question);
          g_assert_cmpstr (entry->old_question->id, ==, "strategy-3");
        }
      else if (entry->change == PW_QUESTION_NEW)
        g_assert_cmpstr (entry->question->id, ==, "strategy-9");
      else if (g_str_equal (entry->question->id, "listening-1"))
        {
          g_assert_cmpuint (entry->change, ==, PW_QUESTION_REWORDED);
          g_assert_cmpstr (entry->old_ids[0], ==, "listening-2");
          g_assert_cmpstr (entry->old_ids[1], ==, "listening-1");
        }
    }

  g_assert_cmpuint (pw_migration_get_n_assessments (migration), ==,
                    g_list_model_get_n_items (pw_workbook_get_assessments (workbook)));
  for (guint i = 0; i < pw_migration_get_n_assessments (migration); i++)
    {
      const PwMigrationAssessment *entry = pw_migration_get_assessment (migration, i);

      g_assert_nonnull (entry->before);
      g_assert_nonnull (entry->after);
      g_assert_cmpuint (entry->moved + entry->retired, ==,
                        pw_assessment_get_n_answers (entry->assessment));
    }
}

/* Every answer lands where the mapping says; the rest is kept as retired,
 * and survives saving and reopening. */
static void
test_answers (void)
{
  g_autoptr(PwWorkbook) workbook = load_1_0_workbook ("larkspur-1.0.phasewise");
  g_autoptr(PwFramework) target = make_target ();
  g_autoptr(GBytes) before = pw_workbook_serialize (workbook);
  g_autoptr(PwMigration) migration = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(PwWorkbook) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) after_plan = NULL;
  PwWorkbook *result;
  guint n;

  migration = pw_migration_new (workbook, target, &error);
  g_assert_no_error (error);
  result = pw_migration_get_result (migration);

  /* The plan changed nothing */
  after_plan = pw_workbook_serialize (workbook);
  g_assert_true (g_bytes_equal (before, after_plan));

  g_assert_cmpstr (pw_framework_get_version (pw_workbook_get_framework (result)), ==, "1.1.0");
  n = g_list_model_get_n_items (pw_workbook_get_assessments (workbook));
  for (guint i = 0; i < n; i++)
    {
      PwAnswer *old_strategy_1 = lookup (workbook, i, "strategy-1");
      PwAnswer *old_strategy_3 = lookup (workbook, i, "strategy-3");
      PwAnswer *old_listening_1 = lookup (workbook, i, "listening-1");
      PwAnswer *old_listening_2 = lookup (workbook, i, "listening-2");
      PwAnswer *new_listening_1 = lookup (result, i, "listening-1");

      if (old_strategy_1 != NULL)
        g_assert_cmpint (pw_answer_get_phase (lookup (result, i, "strategy-1")), ==,
                         pw_answer_get_phase (old_strategy_1));
      g_assert_null (lookup (result, i, "strategy-3"));
      g_assert_null (lookup (result, i, "strategy-9"));

      if (old_strategy_3 != NULL)
        {
          const PwRetiredAnswer *retired = find_retired (result, i, "strategy-3");

          g_assert_nonnull (retired);
          g_assert_cmpstr (retired->framework_version, ==, "1.0.0");
          g_assert_cmpint (pw_answer_get_kind (retired->answer), ==,
                           pw_answer_get_kind (old_strategy_3));
          g_assert_cmpint (pw_answer_get_phase (retired->answer), ==,
                           pw_answer_get_phase (old_strategy_3));
          g_assert_cmpstr (pw_answer_get_note (retired->answer), ==,
                           pw_answer_get_note (old_strategy_3));
        }

      /* The merge takes listening-2's answer first, and keeps listening-1's */
      if (old_listening_2 != NULL)
        {
          g_assert_cmpint (pw_answer_get_phase (new_listening_1), ==,
                           pw_answer_get_phase (old_listening_2));
          if (old_listening_1 != NULL)
            g_assert_nonnull (find_retired (result, i, "listening-1"));
        }
      else if (old_listening_1 != NULL)
        g_assert_cmpint (pw_answer_get_phase (new_listening_1), ==,
                         pw_answer_get_phase (old_listening_1));
    }

  /* Saved, reopened, saved: the same bytes, the retired answers kept */
  saved = pw_workbook_serialize (result);
  reopened = pw_workbook_load_from_bytes (saved, &error);
  g_assert_no_error (error);
  again = pw_workbook_serialize (reopened);
  g_assert_true (g_bytes_equal (saved, again));
  g_assert_nonnull (strstr (g_bytes_get_data (saved, NULL), "\"retired_answers\""));
  for (guint i = 0; i < n; i++)
    if (lookup (workbook, i, "strategy-3") != NULL)
      g_assert_nonnull (find_retired (reopened, i, "strategy-3"));
}

static void
test_refused (void)
{
  g_autoptr(PwWorkbook) workbook = load_1_0_workbook ("larkspur-1.0.phasewise");
  g_autoptr(PwMigration) migration = NULL;
  g_autoptr(GError) error = NULL;

  /* The same version is nothing to migrate to */
  g_assert_false (pw_migration_is_available (workbook, pw_workbook_get_framework (workbook)));
  migration = pw_migration_new (workbook, pw_workbook_get_framework (workbook), &error);
  g_assert_error (error, PW_ERROR, PW_ERROR_INVALID);
  g_assert_null (migration);

  g_assert_cmpint (pw_compare_versions ("1.0.0", "2.0.0"), <, 0);
  g_assert_cmpint (pw_compare_versions ("1.10.0", "1.9.3"), >, 0);
  g_assert_cmpint (pw_compare_versions ("2.0.0", "2.0.0"), ==, 0);
}

/* The document's migration is one step: undo gives back the workbook byte
 * for byte, redo the migrated one, and the steps before it still apply. */
static void
test_undo (void)
{
  g_autoptr(PwWorkbook) workbook = load_1_0_workbook ("larkspur-1.0.phasewise");
  g_autoptr(PwFramework) target = make_target ();
  g_autoptr(PwDocument) document = NULL;
  g_autoptr(PwMigration) migration = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GBytes) edited = NULL;
  g_autoptr(GBytes) migrated = NULL;
  g_autoptr(GError) error = NULL;
  PwHistory *history;

  original = pw_workbook_serialize (workbook);
  document = pw_document_new_for_workbook (pw_test_get_session (), workbook, NULL);
  history = pw_document_get_history (document);

  pw_workbook_set_name (workbook, "Larkspur before the migration");
  edited = pw_workbook_serialize (workbook);

  migration = pw_migration_new (workbook, target, &error);
  g_assert_no_error (error);
  pw_document_migrate (document, migration);
  g_assert_true (pw_document_get_workbook (document) == pw_migration_get_result (migration));
  g_assert_true (pw_document_get_modified (document));
  migrated = pw_workbook_serialize (pw_document_get_workbook (document));
  g_assert_cmpstr (pw_history_get_undo_label (history), ==, "Migration to Framework 1.1.0");

  g_assert_true (pw_history_undo (history));
  g_assert_true (pw_document_get_workbook (document) == workbook);
  {
    g_autoptr(GBytes) now = pw_workbook_serialize (workbook);

    g_assert_true (g_bytes_equal (now, edited));
  }

  /* The rename before the migration still undoes */
  g_assert_true (pw_history_undo (history));
  {
    g_autoptr(GBytes) now = pw_workbook_serialize (workbook);

    g_assert_true (g_bytes_equal (now, original));
  }

  g_assert_true (pw_history_redo (history));
  g_assert_true (pw_history_redo (history));
  {
    g_autoptr(GBytes) now = pw_workbook_serialize (pw_document_get_workbook (document));

    g_assert_true (g_bytes_equal (now, migrated));
  }

  /* An edit after the migration is recorded on the migrated workbook */
  pw_workbook_set_name (pw_document_get_workbook (document), "Larkspur migrated");
  g_assert_true (pw_history_undo (history));
  {
    g_autoptr(GBytes) now = pw_workbook_serialize (pw_document_get_workbook (document));

    g_assert_true (g_bytes_equal (now, migrated));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/phasewise/migration/plan", test_plan);
  g_test_add_func ("/phasewise/migration/answers", test_answers);
  g_test_add_func ("/phasewise/migration/refused", test_refused);
  g_test_add_func ("/phasewise/migration/undo", test_undo);

  return g_test_run ();
}
