/* test-answer-history.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Undo and redo of answers.
 *
 *   /phasewise/answer-history/choose              3, 4, undo → 3, undo → none, redo → 3
 *   /phasewise/answer-history/coalesce            typing a note is one step; 2 s apart it is not
 *   /phasewise/answer-history/coalesce-fields     note, evidence, choice, other answer: apart
 *   /phasewise/answer-history/dont-know           DK and NA, and the phase they replaced
 *   /phasewise/answer-history/redo-cleared        a change after undo drops redo
 *   /phasewise/answer-history/new-assessment      assessments added later are followed
 *   /phasewise/answer-history/removed-assessment  their steps are dropped, others stay
 *   /phasewise/answer-history/notify              can-undo / can-redo notifications
 *   /phasewise/answer-history/modified            undo sets the workbook's modified flag
 *   /phasewise/answer-history/existing-answers    answers loaded from a file are restored
 *   /phasewise/answer-history/limit               500 steps at most
 *   /phasewise/answer-history/navigation          the question undo and redo would change
 *   /phasewise/answer-history/clear-and-finalize  clear; no signal after the history is gone
 */

#define G_LOG_DOMAIN "test-answer-history"

#include "config.h"

#include "phasewise-core.h"
#include "pw-answer-history.h"

#define Q1 "listening-1"
#define Q2 "listening-2"

/* ------------------------------------------------------------------------
 * Helpers
 */

typedef struct
{
  PwWorkbook      *workbook;
  PwAssessment    *assessment;
  PwAnswerHistory *history;
  gint64           now;
} Fixture;

static gint64
fake_clock (gpointer user_data)
{
  Fixture *fixture = user_data;

  return fixture->now;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(PwFramework) framework = NULL;
  g_autoptr(GError) error = NULL;

  framework = pw_framework_load_bundled (&error);
  g_assert_no_error (error);
  fixture->workbook = pw_workbook_new (framework);
  fixture->assessment = pw_workbook_start_assessment (fixture->workbook, NULL);
  fixture->history = pw_answer_history_new (fixture->workbook);
  fixture->now = 1000 * G_USEC_PER_SEC;
  pw_answer_history_set_clock (fixture->history, fake_clock, fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_assert_finalize_object (fixture->history);
  g_clear_object (&fixture->workbook);
}

static PwAnswer *
answer (Fixture    *fixture,
        const char *question_id)
{
  return pw_assessment_ensure_answer (fixture->assessment, question_id);
}

static void
advance (Fixture *fixture,
         double   seconds)
{
  fixture->now += (gint64) (seconds * G_USEC_PER_SEC);
}

static void
assert_option (PwAnswer *answer,
               int       phase)
{
  g_assert_cmpint (pw_answer_get_kind (answer), ==, PW_ANSWER_OPTION);
  g_assert_cmpint (pw_answer_get_phase (answer), ==, phase);
}

static void
assert_kind (PwAnswer     *answer,
             PwAnswerKind  kind)
{
  g_assert_cmpint (pw_answer_get_kind (answer), ==, kind);
  g_assert_cmpint (pw_answer_get_phase (answer), ==, 0);
}

/* Types @text into the note one character at a time, @interval apart. */
static void
type_note (Fixture    *fixture,
           PwAnswer   *answer,
           const char *text,
           double      interval)
{
  const char *old = pw_answer_get_note (answer);
  g_autoptr(GString) note = g_string_new (old);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      advance (fixture, interval);
      g_string_append_unichar (note, g_utf8_get_char (p));
      pw_answer_set_note (answer, note->str);
    }
}

/* ------------------------------------------------------------------------
 * Cases
 */

static void
test_choose (Fixture       *fixture,
             gconstpointer  user_data)
{
  PwAnswer *a = answer (fixture, Q1);

  g_assert_false (pw_answer_history_get_can_undo (fixture->history));
  g_assert_false (pw_answer_history_undo (fixture->history));

  pw_answer_choose (a, 3);
  advance (fixture, 0.1);
  pw_answer_choose (a, 4);
  g_assert_cmpuint (pw_answer_history_get_n_undo (fixture->history), ==, 2);

  g_assert_true (pw_answer_history_undo (fixture->history));
  assert_option (a, 3);
  g_assert_true (pw_answer_history_undo (fixture->history));
  assert_kind (a, PW_ANSWER_NONE);
  g_assert_false (pw_answer_history_get_can_undo (fixture->history));
  g_assert_false (pw_answer_history_undo (fixture->history));

  g_assert_true (pw_answer_history_redo (fixture->history));
  assert_option (a, 3);
  g_assert_true (pw_answer_history_redo (fixture->history));
  assert_option (a, 4);
  g_assert_false (pw_answer_history_redo (fixture->history));
  g_assert_cmpuint (pw_answer_history_get_n_undo (fixture->history), ==, 2);

  /* Choosing the same option again changes nothing: no step */
  pw_answer_choose (a, 4);
  g_assert_cmpuint (pw_answer_history_get_n_undo (fixture->history), ==, 2);
}

static void
test_coalesce (Fixture       *fixture,
               gconstpointer  user_data)
{
  PwAnswer *a = answer (fixture, Q1);

  /* Typing, a key every 0.3 s: one step */
  type_note (fixture, a, "We post daily", 0.3);
  g_assert_cmpuint (pw_answer_history_get_n_undo (fixture->history), ==, 1);
  g_assert_true (pw_answer_history_undo (fixture->history));
  g_assert_cmpstr (pw_answer_get_note (a) ? pw_answer_get_note (a) : "", ==, "");
  g_assert_true (pw_answer_history_redo (fixture->history));
  g_assert_cmpstr (pw_answer_get_note (a), ==, "We post daily");

  /* After redo, typing on starts a new step */
  type_note (fixture, a, ".", 0.1);
  g_assert_cmpuint (pw_answer_history_get_n_undo (fixture->history), ==, 2);

  /* A pause of more than 2 s: a new step, then typing merges again */
  advance (fixture, 2.5);
  type_note (fixture, a, " On weekends too", 1.9);
  g_assert_cmpuint (pw_answer_history_get_n_undo (fixture->history), ==, 3);
  g_assert_true (pw_answer_history_undo (fixture->history));
  g_assert_cmpstr (pw_answer_get_note (a), ==, "We post daily.");
  g_assert_true (pw_answer_history_undo (fixture->history));
  g_assert_cmpstr (pw_answer_get_note (a), ==, "We post daily");

  /* Exactly at the limit still merges; just past it does not */
  pw_answer_history_clear (fixture->history);
  advance (fixture, 10);
  pw_answer_set_note (a, "x");
  advance (fixture, 2.0);
  pw_answer_set_note (a, "xy");
  g_assert_cmpuint (pw_answer_history_get_n_undo (fixture->history), ==, 1);
  fixture->now += PW_ANSWER_HISTORY_COALESCE_USEC + 1;
  pw_answer_set_note (a, "xyz");
  g_assert_cmpuint (pw_answer_history_get_n_undo (fixture->history), ==, 2);

  /* Typed and erased within the window: nothing left to undo */
  pw_answer_history_clear (fixture->history);
  advance (fixture, 10);
  pw_answer_set_note (a, "xyz!");
  advance (fixture, 0.2);
  pw_answer_set_note (a, "xyz");
  g_assert_cmpuint (pw_answer_history_get_n_undo (fixture->history), ==, 0);
  g_assert_false (pw_answer_history_get_can_undo (fixture->history));
}

static void
test_coalesce_fields (Fixture       *fixture,
                      gconstpointer  user_data)
{
  PwAnswer *a = answer (fixture, Q1);
  PwAnswer *b = answer (fixture, Q2);

  /* Note, then evidence of the same answer: two steps */
  type_note (fixture, a, "note", 0.1);
  advance (fixture, 0.1);
  pw_answer_set_evidence (a, "e");
  advance (fixture, 0.1);
  pw_answer_set_evidence (a, "ev");
  g_assert_cmpuint (pw_answer_history_get_n_undo (fixture->history), ==, 2);

  /* A choice is always its own step, also between notes */
  advance (fixture, 0.1);
  pw_answer_choose (a, 2);
  advance (fixture, 0.1);
  pw_answer_choose (a, 3);
  advance (fixture, 0.1);
  type_note (fixture, a, "s", 0.1);
  g_assert_cmpuint (pw_answer_history_get_n_undo (fixture->history), ==, 5);

  /* The note of another answer: its own step */
  type_note (fixture, b, "other", 0.1);
  g_assert_cmpuint (pw_answer_history_get_n_undo (fixture->history), ==, 6);

  /* Back to the first answer's note: not merged into its old step */
  type_note (fixture, a, "!", 0.1);
  g_assert_cmpuint (pw_answer_history_get_n_undo (fixture->history), ==, 7);

  /* Undo all, one step at a time, in order */
  g_assert_true (pw_answer_history_undo (fixture->history));
  g_assert_cmpstr (pw_answer_get_note (a), ==, "notes");
  g_assert_true (pw_answer_history_undo (fixture->history));
  g_assert_null (pw_answer_get_note (b));
  g_assert_true (pw_answer_history_undo (fixture->history));
  g_assert_cmpstr (pw_answer_get_note (a), ==, "note");
  assert_option (a, 3);
  g_assert_true (pw_answer_history_undo (fixture->history));
  assert_option (a, 2);
  g_assert_true (pw_answer_history_undo (fixture->history));
  assert_kind (a, PW_ANSWER_NONE);
  g_assert_cmpstr (pw_answer_get_evidence (a), ==, "ev");
  g_assert_true (pw_answer_history_undo (fixture->history));
  g_assert_null (pw_answer_get_evidence (a));
  g_assert_cmpstr (pw_answer_get_note (a), ==, "note");
  g_assert_true (pw_answer_history_undo (fixture->history));
  g_assert_null (pw_answer_get_note (a));
  g_assert_false (pw_answer_history_undo (fixture->history));
}

static void
test_dont_know (Fixture       *fixture,
                gconstpointer  user_data)
{
  PwAnswer *a = answer (fixture, Q1);

  pw_answer_choose (a, 3);
  pw_answer_set_kind (a, PW_ANSWER_DONT_KNOW);
  pw_answer_set_kind (a, PW_ANSWER_NOT_APPLICABLE);
  pw_answer_choose (a, 2);
  g_assert_cmpuint (pw_answer_history_get_n_undo (fixture->history), ==, 4);

  g_assert_true (pw_answer_history_undo (fixture->history));
  assert_kind (a, PW_ANSWER_NOT_APPLICABLE);
  g_assert_true (pw_answer_history_undo (fixture->history));
  assert_kind (a, PW_ANSWER_DONT_KNOW);
  /* “Don’t know” replaced option 3: undo brings the phase back */
  g_assert_true (pw_answer_history_undo (fixture->history));
  assert_option (a, 3);
  g_assert_true (pw_answer_history_undo (fixture->history));
  assert_kind (a, PW_ANSWER_NONE);

  g_assert_true (pw_answer_history_redo (fixture->history));
  g_assert_true (pw_answer_history_redo (fixture->history));
  assert_kind (a, PW_ANSWER_DONT_KNOW);
  g_assert_true (pw_answer_history_redo (fixture->history));
  assert_kind (a, PW_ANSWER_NOT_APPLICABLE);
  g_assert_true (pw_answer_history_redo (fixture->history));
  assert_option (a, 2);
}

static void
test_redo_cleared (Fixture       *fixture,
                   gconstpointer  user_data)
{
  PwAnswer *a = answer (fixture, Q1);

  pw_answer_choose (a, 1);
  pw_answer_choose (a, 2);
  g_assert_true (pw_answer_history_undo (fixture->history));
  g_assert_true (pw_answer_history_get_can_redo (fixture->history));
  g_assert_cmpuint (pw_answer_history_get_n_redo (fixture->history), ==, 1);

  pw_answer_choose (a, 5);
  g_assert_false (pw_answer_history_get_can_redo (fixture->history));
  g_assert_false (pw_answer_history_redo (fixture->history));
  assert_option (a, 5);

  g_assert_true (pw_answer_history_undo (fixture->history));
  assert_option (a, 1);
  g_assert_true (pw_answer_history_undo (fixture->history));
  assert_kind (a, PW_ANSWER_NONE);
  g_assert_false (pw_answer_history_undo (fixture->history));
}

static void
test_new_assessment (Fixture       *fixture,
                     gconstpointer  user_data)
{
  PwAssessment *second = pw_workbook_start_assessment (fixture->workbook, NULL);
  g_autoptr(PwAssessment) third = pw_assessment_new ("added-by-hand");
  PwAnswer *a = pw_assessment_ensure_answer (second, Q1);
  PwAnswer *b;

  pw_answer_choose (a, 4);
  g_assert_true (pw_answer_history_get_can_undo (fixture->history));
  g_assert_true (pw_answer_history_get_undo_assessment (fixture->history) == second);

  /* An assessment with answers already, added later: its state is known */
  b = pw_assessment_ensure_answer (third, Q2);
  pw_answer_choose (b, 2);
  pw_answer_set_note (b, "before it was added");
  pw_workbook_add_assessment (fixture->workbook, third);
  pw_answer_choose (b, 5);
  g_assert_cmpuint (pw_answer_history_get_n_undo (fixture->history), ==, 2);

  g_assert_true (pw_answer_history_undo (fixture->history));
  assert_option (b, 2);
  g_assert_cmpstr (pw_answer_get_note (b), ==, "before it was added");
  g_assert_true (pw_answer_history_undo (fixture->history));
  assert_kind (a, PW_ANSWER_NONE);
  g_assert_false (pw_answer_history_undo (fixture->history));
}

static void
test_removed_assessment (Fixture       *fixture,
                         gconstpointer  user_data)
{
  PwAssessment *first = fixture->assessment;
  PwAssessment *second = pw_workbook_start_assessment (fixture->workbook, NULL);
  g_autoptr(PwAssessment) kept_alive = g_object_ref (first);
  PwAnswer *a1 = pw_assessment_ensure_answer (first, Q1);
  PwAnswer *b1 = pw_assessment_ensure_answer (second, Q1);
  PwAnswer *a2 = pw_assessment_ensure_answer (first, Q2);

  pw_answer_choose (a1, 1);
  pw_answer_choose (b1, 2);
  pw_answer_choose (a2, 3);
  pw_answer_choose (b1, 4);
  g_assert_true (pw_answer_history_undo (fixture->history));
  assert_option (b1, 2);
  g_assert_cmpuint (pw_answer_history_get_n_undo (fixture->history), ==, 3);
  g_assert_cmpuint (pw_answer_history_get_n_redo (fixture->history), ==, 1);

  pw_workbook_remove_assessment (fixture->workbook, first);
  g_assert_cmpuint (pw_answer_history_get_n_undo (fixture->history), ==, 1);
  g_assert_cmpuint (pw_answer_history_get_n_redo (fixture->history), ==, 1);
  g_assert_true (pw_answer_history_get_undo_assessment (fixture->history) == second);

  /* Changes of the removed assessment are no longer followed */
  pw_answer_choose (a1, 5);
  g_assert_cmpuint (pw_answer_history_get_n_undo (fixture->history), ==, 1);
  g_assert_cmpuint (pw_answer_history_get_n_redo (fixture->history), ==, 1);

  g_assert_true (pw_answer_history_undo (fixture->history));
  assert_kind (b1, PW_ANSWER_NONE);
  g_assert_false (pw_answer_history_get_can_undo (fixture->history));
  g_assert_false (pw_answer_history_undo (fixture->history));

  /* The removed assessment was left alone */
  assert_option (a1, 5);
  assert_option (a2, 3);

  /* Removing the other one drops what could be redone too */
  pw_workbook_remove_assessment (fixture->workbook, second);
  g_assert_false (pw_answer_history_get_can_redo (fixture->history));
  g_assert_false (pw_answer_history_redo (fixture->history));
}

typedef struct
{
  guint can_undo;
  guint can_redo;
} Notifications;

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  Notifications *counts = user_data;

  if (g_str_equal (pspec->name, "can-undo"))
    counts->can_undo++;
  else if (g_str_equal (pspec->name, "can-redo"))
    counts->can_redo++;
}

static void
test_notify (Fixture       *fixture,
             gconstpointer  user_data)
{
  PwAnswer *a = answer (fixture, Q1);
  Notifications counts = { 0, 0 };
  gboolean value = FALSE;

  g_signal_connect (fixture->history, "notify", G_CALLBACK (notify_cb), &counts);

  pw_answer_choose (a, 1);
  g_assert_cmpuint (counts.can_undo, ==, 1);
  g_assert_cmpuint (counts.can_redo, ==, 0);
  g_object_get (fixture->history, "can-undo", &value, NULL);
  g_assert_true (value);

  /* Still can undo: no notification */
  pw_answer_choose (a, 2);
  g_assert_cmpuint (counts.can_undo, ==, 1);

  g_assert_true (pw_answer_history_undo (fixture->history));
  g_assert_cmpuint (counts.can_undo, ==, 1);
  g_assert_cmpuint (counts.can_redo, ==, 1);

  g_assert_true (pw_answer_history_undo (fixture->history));
  g_assert_cmpuint (counts.can_undo, ==, 2);
  g_assert_cmpuint (counts.can_redo, ==, 1);
  g_object_get (fixture->history, "can-undo", &value, NULL);
  g_assert_false (value);
  g_object_get (fixture->history, "can-redo", &value, NULL);
  g_assert_true (value);

  /* A new change: can undo again, cannot redo */
  pw_answer_choose (a, 3);
  g_assert_cmpuint (counts.can_undo, ==, 3);
  g_assert_cmpuint (counts.can_redo, ==, 2);

  pw_answer_history_clear (fixture->history);
  g_assert_cmpuint (counts.can_undo, ==, 4);
  g_assert_cmpuint (counts.can_redo, ==, 2);
  pw_answer_history_clear (fixture->history);
  g_assert_cmpuint (counts.can_undo, ==, 4);

  g_signal_handlers_disconnect_by_func (fixture->history, notify_cb, &counts);
}

static void
test_modified (Fixture       *fixture,
               gconstpointer  user_data)
{
  PwAnswer *a = answer (fixture, Q1);

  pw_answer_choose (a, 2);
  pw_workbook_set_modified (fixture->workbook, FALSE);

  g_assert_true (pw_answer_history_undo (fixture->history));
  g_assert_true (pw_workbook_get_modified (fixture->workbook));
  /* Undo is not recorded as a change of its own */
  g_assert_cmpuint (pw_answer_history_get_n_undo (fixture->history), ==, 0);
  g_assert_cmpuint (pw_answer_history_get_n_redo (fixture->history), ==, 1);

  pw_workbook_set_modified (fixture->workbook, FALSE);
  g_assert_true (pw_answer_history_redo (fixture->history));
  g_assert_true (pw_workbook_get_modified (fixture->workbook));
  g_assert_cmpuint (pw_answer_history_get_n_undo (fixture->history), ==, 1);
  g_assert_cmpuint (pw_answer_history_get_n_redo (fixture->history), ==, 0);
}

static char *
get_example_path (void)
{
  const char *root = g_getenv ("PW_SOURCE_ROOT");

  if (root == NULL)
    return g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "larkspur.phasewise",
                                  NULL);

  return g_build_filename (root, "data", "examples", "larkspur.phasewise", NULL);
}

/* A workbook loaded from a file: the history knows the answers it had. */
static void
test_existing_answers (void)
{
  g_autofree char *path = get_example_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PwWorkbook) workbook = pw_workbook_load (file, NULL, &error);
  g_autoptr(PwAnswerHistory) history = NULL;
  g_autoptr(PwAnswer) original = NULL;
  GListModel *assessments;
  PwAssessment *assessment = NULL;
  PwAnswer *found = NULL;
  PwFramework *framework;

  g_assert_no_error (error);
  history = pw_answer_history_new (workbook);

  /* The first answer with a chosen option and a note */
  assessments = pw_workbook_get_assessments (workbook);
  framework = pw_workbook_get_framework (workbook);
  for (guint i = 0; found == NULL && i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(PwAssessment) candidate = g_list_model_get_item (assessments, i);

      for (guint d = 0; found == NULL && d < pw_framework_get_n_dimensions (framework); d++)
        {
          const PwDimension *dimension = pw_framework_get_dimension (framework, d);

          for (guint q = 0; found == NULL && q < dimension->questions->len; q++)
            {
              const PwQuestion *question = g_ptr_array_index (dimension->questions, q);
              PwAnswer *a = pw_assessment_lookup_answer (candidate, question->id);

              if (a != NULL && pw_answer_is_counted (a) && pw_answer_get_note (a) != NULL
                  && *pw_answer_get_note (a) != '\0')
                {
                  found = a;
                  assessment = candidate;
                }
            }
        }
    }
  g_assert_nonnull (found);
  g_assert_nonnull (assessment);

  original = pw_answer_new (pw_answer_get_question_id (found));
  pw_answer_copy_from (original, found);

  pw_answer_set_kind (found, PW_ANSWER_DONT_KNOW);
  pw_answer_set_note (found, "Replaced");
  pw_answer_set_evidence (found, "Replaced too");
  g_assert_cmpuint (pw_answer_history_get_n_undo (history), ==, 3);

  while (pw_answer_history_undo (history))
    ;

  g_assert_cmpint (pw_answer_get_kind (found), ==, pw_answer_get_kind (original));
  g_assert_cmpint (pw_answer_get_phase (found), ==, pw_answer_get_phase (original));
  g_assert_cmpstr (pw_answer_get_note (found), ==, pw_answer_get_note (original));
  g_assert_cmpstr (pw_answer_get_evidence (found), ==, pw_answer_get_evidence (original));
}

static void
test_limit (Fixture       *fixture,
            gconstpointer  user_data)
{
  PwAnswer *a = answer (fixture, Q1);
  guint undone = 0;

  for (guint i = 0; i < PW_ANSWER_HISTORY_MAX_ENTRIES + 100; i++)
    pw_answer_choose (a, (int) (i % 5) + 1);
  g_assert_cmpuint (pw_answer_history_get_n_undo (fixture->history), ==,
                    PW_ANSWER_HISTORY_MAX_ENTRIES);

  while (pw_answer_history_undo (fixture->history))
    undone++;
  g_assert_cmpuint (undone, ==, PW_ANSWER_HISTORY_MAX_ENTRIES);

  /* The oldest 100 were forgotten: undo stops at the state after them */
  assert_option (a, (100 - 1) % 5 + 1);
}

static void
test_navigation (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_assert_null (pw_answer_history_get_undo_question (fixture->history));
  g_assert_null (pw_answer_history_get_undo_assessment (fixture->history));
  g_assert_null (pw_answer_history_get_redo_question (fixture->history));

  pw_answer_choose (answer (fixture, Q1), 2);
  pw_answer_set_kind (answer (fixture, Q2), PW_ANSWER_DONT_KNOW);
  g_assert_cmpstr (pw_answer_history_get_undo_question (fixture->history), ==, Q2);
  g_assert_true (pw_answer_history_get_undo_assessment (fixture->history) == fixture->assessment);

  g_assert_true (pw_answer_history_undo (fixture->history));
  g_assert_cmpstr (pw_answer_history_get_undo_question (fixture->history), ==, Q1);
  g_assert_cmpstr (pw_answer_history_get_redo_question (fixture->history), ==, Q2);
  g_assert_true (pw_answer_history_get_redo_assessment (fixture->history) == fixture->assessment);

  g_assert_true (pw_answer_history_undo (fixture->history));
  g_assert_null (pw_answer_history_get_undo_question (fixture->history));
  g_assert_cmpstr (pw_answer_history_get_redo_question (fixture->history), ==, Q1);
}

static void
test_clear_and_finalize (void)
{
  g_autoptr(PwFramework) framework = NULL;
  g_autoptr(PwWorkbook) workbook = NULL;
  g_autoptr(GError) error = NULL;
  PwAnswerHistory *history;
  PwAssessment *assessment;
  PwAnswer *a;

  framework = pw_framework_load_bundled (&error);
  g_assert_no_error (error);
  workbook = pw_workbook_new (framework);
  assessment = pw_workbook_start_assessment (workbook, NULL);
  a = pw_assessment_ensure_answer (assessment, Q1);
  history = pw_answer_history_new (workbook);
  g_assert_true (pw_answer_history_get_workbook (history) == workbook);

  pw_answer_choose (a, 1);
  pw_answer_set_note (a, "note");
  g_assert_true (pw_answer_history_undo (history));
  pw_answer_history_clear (history);
  g_assert_false (pw_answer_history_get_can_undo (history));
  g_assert_false (pw_answer_history_get_can_redo (history));
  g_assert_false (pw_answer_history_undo (history));
  g_assert_false (pw_answer_history_redo (history));

  pw_answer_choose (a, 2);
  g_assert_finalize_object (history);

  /* Edits after the history is gone reach nothing of it. */
  pw_answer_choose (a, 3);
  pw_workbook_start_assessment (workbook, NULL);
  pw_workbook_remove_assessment (workbook, assessment);
}

/* ------------------------------------------------------------------------ */

static void
add_test (const char *path,
          void      (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  add_test ("/phasewise/answer-history/choose", test_choose);
  add_test ("/phasewise/answer-history/coalesce", test_coalesce);
  add_test ("/phasewise/answer-history/coalesce-fields", test_coalesce_fields);
  add_test ("/phasewise/answer-history/dont-know", test_dont_know);
  add_test ("/phasewise/answer-history/redo-cleared", test_redo_cleared);
  add_test ("/phasewise/answer-history/new-assessment", test_new_assessment);
  add_test ("/phasewise/answer-history/removed-assessment", test_removed_assessment);
  add_test ("/phasewise/answer-history/notify", test_notify);
  add_test ("/phasewise/answer-history/modified", test_modified);
  g_test_add_func ("/phasewise/answer-history/existing-answers", test_existing_answers);
  add_test ("/phasewise/answer-history/limit", test_limit);
  add_test ("/phasewise/answer-history/navigation", test_navigation);
  g_test_add_func ("/phasewise/answer-history/clear-and-finalize", test_clear_and_finalize);

  return g_test_run ();
}
