/* test-history.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Undo and redo: the history itself, and the edits of a workbook that its
 * recorder turns into steps.
 *
 *   /phasewise/history/entries             a plain entry class: apply, merge, empty, applying
 *   /phasewise/history/groups              nested groups are one step; an empty one is none
 *   /phasewise/history/choose              3, 4, undo → 3, undo → none, redo → 3
 *   /phasewise/history/coalesce            typing a note is one step; 2 s apart it is not
 *   /phasewise/history/coalesce-fields     note, evidence, choice, other answer: apart
 *   /phasewise/history/dont-know           DK and NA, and the phase they replaced
 *   /phasewise/history/redo-cleared        a change after undo drops redo
 *   /phasewise/history/new-assessment      a new assessment is a step, and is followed
 *   /phasewise/history/removed-assessment  deleting is a step; undo brings it back, answers too
 *   /phasewise/history/report-unlinked     undoing a deletion points its report at it again
 *   /phasewise/history/report-texts        a report's title, summary, commentary, sections, comparison
 *   /phasewise/history/report-added        a draft added with its first letter, typing on: one step
 *   /phasewise/history/scope               a new scope and the round label following it: one step
 *   /phasewise/history/profile             the profile and an assessment's fields, typed
 *   /phasewise/history/typed-and-erased    a field typed into and emptied again: no step
 *   /phasewise/history/hide-phases         each flip of an assessment's hidden phases: a step
 *   /phasewise/history/two-kinds           answers, fields and the list in one history
 *   /phasewise/history/notify              can-undo / can-redo notifications
 *   /phasewise/history/modified            undo sets the workbook's modified flag
 *   /phasewise/history/existing-answers    answers loaded from a file are restored
 *   /phasewise/history/limit               500 steps at most
 *   /phasewise/history/labels              what undo and redo would take back, in words
 *   /phasewise/history/clear-and-finalize  clear; no signal after the recorder is gone
 */

#define G_LOG_DOMAIN "test-history"

#include "config.h"

#include "pw-test-core.h"

#define Q1 "listening-1"
#define Q2 "listening-2"

/* ------------------------------------------------------------------------
 * Helpers
 */

typedef struct
{
  PwWorkbook      *workbook;
  PwAssessment    *assessment;
  PwHistory       *history;
  PwRecorder      *recorder;
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
  fixture->history = pw_history_new ();
  fixture->recorder = pw_recorder_new (fixture->workbook, fixture->history);
  fixture->now = 1000 * G_USEC_PER_SEC;
  pw_history_set_clock (fixture->history, fake_clock, fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_assert_finalize_object (fixture->recorder);
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
 * The history alone, with an entry class of its own: a counter that
 * entries set to a value.
 */

typedef struct
{
  PwHistoryEntry  parent;
  int            *counter;
  int             before;
  int             after;
} CounterEntry;

static void
counter_apply (PwHistoryEntry *entry,
               gboolean        forward)
{
  CounterEntry *self = (CounterEntry *) entry;

  *self->counter = forward ? self->after : self->before;
}

/* Steps of one apart merge: "typing" */
static gboolean
counter_merge (PwHistoryEntry *entry,
               PwHistoryEntry *next_entry)
{
  CounterEntry *self = (CounterEntry *) entry;
  CounterEntry *next = (CounterEntry *) next_entry;

  if (ABS (next->after - next->before) != 1)
    return FALSE;

  self->after = next->after;

  return TRUE;
}

static gboolean
counter_is_empty (PwHistoryEntry *entry)
{
  CounterEntry *self = (CounterEntry *) entry;

  return self->before == self->after;
}

static const PwHistoryEntryClass counter_class = {
  sizeof (CounterEntry),
  counter_apply,
  counter_merge,
  counter_is_empty,
  NULL,
};

static void
set_counter (PwHistory *history,
             int       *counter,
             int        value)
{
  g_autofree char *label = g_strdup_printf ("set to %d", value);
  CounterEntry *entry = pw_history_entry_new (&counter_class, label);

  entry->counter = counter;
  entry->before = *counter;
  entry->after = value;
  *counter = value;
  pw_history_push (history, (PwHistoryEntry *) entry);
}

/* An entry class whose apply pushes: what the history applies is its own. */
static PwHistory *pushing_history;

static void
pushing_apply (PwHistoryEntry *entry,
               gboolean        forward)
{
  CounterEntry *self = (CounterEntry *) entry;
  CounterEntry *pushed = pw_history_entry_new (&counter_class, "pushed while applying");

  g_assert_true (pw_history_get_applying (pushing_history));
  pushed->counter = self->counter;
  pushed->before = *self->counter;
  pushed->after = *self->counter;
  pw_history_push (pushing_history, (PwHistoryEntry *) pushed);

  counter_apply (entry, forward);
}

static gint64 entries_now;

static gint64
entries_clock (gpointer user_data)
{
  return entries_now;
}

static void
test_entries (void)
{
  g_autoptr(PwHistory) history = pw_history_new ();
  int counter = 0;

  entries_now = 1000 * G_USEC_PER_SEC;
  pw_history_set_clock (history, entries_clock, NULL);

  g_assert_null (pw_history_get_undo_label (history));
  g_assert_null (pw_history_peek_undo (history));

  /* 0 → 1 → 2 merge; 2 → 7 does not */
  set_counter (history, &counter, 1);
  entries_now += G_USEC_PER_SEC / 10;
  set_counter (history, &counter, 2);
  entries_now += G_USEC_PER_SEC / 10;
  set_counter (history, &counter, 7);
  g_assert_cmpuint (pw_history_get_n_undo (history), ==, 2);
  g_assert_cmpstr (pw_history_get_undo_label (history), ==, "set to 7");

  g_assert_true (pw_history_undo (history));
  g_assert_cmpint (counter, ==, 2);
  g_assert_cmpstr (pw_history_get_undo_label (history), ==, "set to 1");
  g_assert_cmpstr (pw_history_get_redo_label (history), ==, "set to 7");
  g_assert_true (pw_history_undo (history));
  g_assert_cmpint (counter, ==, 0);
  g_assert_false (pw_history_undo (history));
  g_assert_true (pw_history_redo (history));
  g_assert_cmpint (counter, ==, 2);

  /* After a redo nothing merges into the step redone */
  entries_now += G_USEC_PER_SEC / 10;
  set_counter (history, &counter, 3);
  g_assert_cmpuint (pw_history_get_n_undo (history), ==, 2);
  g_assert_cmpuint (pw_history_get_n_redo (history), ==, 0);

  /* Up and down again within the window: nothing left of the step */
  for (int value = 4; value >= 2; value--)
    {
      entries_now += G_USEC_PER_SEC / 10;
      set_counter (history, &counter, value);
    }
  g_assert_cmpuint (pw_history_get_n_undo (history), ==, 1);
  g_assert_cmpstr (pw_history_get_undo_label (history), ==, "set to 1");
  g_assert_cmpint (counter, ==, 2);

  /* Entries pushed while a step is applied are the step's own: dropped */
  {
    static const PwHistoryEntryClass pushing_class = {
      sizeof (CounterEntry), pushing_apply, NULL, NULL, NULL,
    };
    CounterEntry *entry = pw_history_entry_new (&pushing_class, "pushing");

    pushing_history = history;
    entry->counter = &counter;
    entry->before = 2;
    entry->after = 9;
    counter = 9;
    pw_history_push (history, (PwHistoryEntry *) entry);
    g_assert_false (pw_history_get_applying (history));
    g_assert_cmpuint (pw_history_get_n_undo (history), ==, 2);
    g_assert_true (pw_history_undo (history));
    g_assert_cmpint (counter, ==, 2);
    g_assert_cmpuint (pw_history_get_n_undo (history), ==, 1);
    g_assert_cmpuint (pw_history_get_n_redo (history), ==, 1);
  }

  pw_history_clear (history);
  g_assert_false (pw_history_get_can_undo (history));
  g_assert_false (pw_history_get_can_redo (history));
  g_assert_null (pw_history_get_undo_label (history));
}

static void
test_groups (void)
{
  g_autoptr(PwHistory) history = pw_history_new ();
  int a = 0, b = 0;

  /* Two changes of two counters, nested groups: one step, undone in reverse */
  pw_history_begin_group (history, "both");
  set_counter (history, &a, 5);
  pw_history_begin_group (history, "inner");
  set_counter (history, &b, 6);
  pw_history_end_group (history);
  g_assert_cmpuint (pw_history_get_n_undo (history), ==, 0);
  pw_history_end_group (history);
  g_assert_cmpuint (pw_history_get_n_undo (history), ==, 1);
  g_assert_cmpstr (pw_history_get_undo_label (history), ==, "both");

  g_assert_true (pw_history_undo (history));
  g_assert_cmpint (a, ==, 0);
  g_assert_cmpint (b, ==, 0);
  g_assert_true (pw_history_redo (history));
  g_assert_cmpint (a, ==, 5);
  g_assert_cmpint (b, ==, 6);

  /* An empty group is no step; a group without a label takes its first's */
  pw_history_begin_group (history, "nothing");
  pw_history_end_group (history);
  g_assert_cmpuint (pw_history_get_n_undo (history), ==, 1);
  pw_history_begin_group (history, NULL);
  set_counter (history, &a, 1);
  pw_history_end_group (history);
  g_assert_cmpuint (pw_history_get_n_undo (history), ==, 2);
  g_assert_cmpstr (pw_history_get_undo_label (history), ==, "set to 1");
}

/* ------------------------------------------------------------------------
 * The recorder of a workbook
 */

static void
test_choose (Fixture       *fixture,
             gconstpointer  user_data)
{
  PwAnswer *a = answer (fixture, Q1);

  g_assert_false (pw_history_get_can_undo (fixture->history));
  g_assert_false (pw_history_undo (fixture->history));

  pw_answer_choose (a, 3);
  advance (fixture, 0.1);
  pw_answer_choose (a, 4);
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 2);

  g_assert_true (pw_history_undo (fixture->history));
  assert_option (a, 3);
  g_assert_true (pw_history_undo (fixture->history));
  assert_kind (a, PW_ANSWER_NONE);
  g_assert_false (pw_history_get_can_undo (fixture->history));
  g_assert_false (pw_history_undo (fixture->history));

  g_assert_true (pw_history_redo (fixture->history));
  assert_option (a, 3);
  g_assert_true (pw_history_redo (fixture->history));
  assert_option (a, 4);
  g_assert_false (pw_history_redo (fixture->history));
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 2);

  /* Choosing the same option again changes nothing: no step */
  pw_answer_choose (a, 4);
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 2);
}

static void
test_coalesce (Fixture       *fixture,
               gconstpointer  user_data)
{
  PwAnswer *a = answer (fixture, Q1);

  /* Typing, a key every 0.3 s: one step */
  type_note (fixture, a, "We post daily", 0.3);
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 1);
  g_assert_true (pw_history_undo (fixture->history));
  g_assert_cmpstr (pw_answer_get_note (a) ? pw_answer_get_note (a) : "", ==, "");
  g_assert_true (pw_history_redo (fixture->history));
  g_assert_cmpstr (pw_answer_get_note (a), ==, "We post daily");

  /* After redo, typing on starts a new step */
  type_note (fixture, a, ".", 0.1);
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 2);

  /* A pause of more than 2 s: a new step, then typing merges again */
  advance (fixture, 2.5);
  type_note (fixture, a, " On weekends too", 1.9);
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 3);
  g_assert_true (pw_history_undo (fixture->history));
  g_assert_cmpstr (pw_answer_get_note (a), ==, "We post daily.");
  g_assert_true (pw_history_undo (fixture->history));
  g_assert_cmpstr (pw_answer_get_note (a), ==, "We post daily");

  /* Exactly at the limit still merges; just past it does not */
  pw_history_clear (fixture->history);
  advance (fixture, 10);
  pw_answer_set_note (a, "x");
  advance (fixture, 2.0);
  pw_answer_set_note (a, "xy");
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 1);
  fixture->now += PW_HISTORY_COALESCE_USEC + 1;
  pw_answer_set_note (a, "xyz");
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 2);

  /* Typed and erased within the window: nothing left to undo */
  pw_history_clear (fixture->history);
  advance (fixture, 10);
  pw_answer_set_note (a, "xyz!");
  advance (fixture, 0.2);
  pw_answer_set_note (a, "xyz");
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 0);
  g_assert_false (pw_history_get_can_undo (fixture->history));
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
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 2);

  /* A choice is always its own step, also between notes */
  advance (fixture, 0.1);
  pw_answer_choose (a, 2);
  advance (fixture, 0.1);
  pw_answer_choose (a, 3);
  advance (fixture, 0.1);
  type_note (fixture, a, "s", 0.1);
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 5);

  /* The note of another answer: its own step */
  type_note (fixture, b, "other", 0.1);
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 6);

  /* Back to the first answer's note: not merged into its old step */
  type_note (fixture, a, "!", 0.1);
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 7);

  /* Undo all, one step at a time, in order */
  g_assert_true (pw_history_undo (fixture->history));
  g_assert_cmpstr (pw_answer_get_note (a), ==, "notes");
  g_assert_true (pw_history_undo (fixture->history));
  g_assert_null (pw_answer_get_note (b));
  g_assert_true (pw_history_undo (fixture->history));
  g_assert_cmpstr (pw_answer_get_note (a), ==, "note");
  assert_option (a, 3);
  g_assert_true (pw_history_undo (fixture->history));
  assert_option (a, 2);
  g_assert_true (pw_history_undo (fixture->history));
  assert_kind (a, PW_ANSWER_NONE);
  g_assert_cmpstr (pw_answer_get_evidence (a), ==, "ev");
  g_assert_true (pw_history_undo (fixture->history));
  g_assert_null (pw_answer_get_evidence (a));
  g_assert_cmpstr (pw_answer_get_note (a), ==, "note");
  g_assert_true (pw_history_undo (fixture->history));
  g_assert_null (pw_answer_get_note (a));
  g_assert_false (pw_history_undo (fixture->history));
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
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 4);

  g_assert_true (pw_history_undo (fixture->history));
  assert_kind (a, PW_ANSWER_NOT_APPLICABLE);
  g_assert_true (pw_history_undo (fixture->history));
  assert_kind (a, PW_ANSWER_DONT_KNOW);
  /* “Don’t know” replaced option 3: undo brings the phase back */
  g_assert_true (pw_history_undo (fixture->history));
  assert_option (a, 3);
  g_assert_true (pw_history_undo (fixture->history));
  assert_kind (a, PW_ANSWER_NONE);

  g_assert_true (pw_history_redo (fixture->history));
  g_assert_true (pw_history_redo (fixture->history));
  assert_kind (a, PW_ANSWER_DONT_KNOW);
  g_assert_true (pw_history_redo (fixture->history));
  assert_kind (a, PW_ANSWER_NOT_APPLICABLE);
  g_assert_true (pw_history_redo (fixture->history));
  assert_option (a, 2);
}

static void
test_redo_cleared (Fixture       *fixture,
                   gconstpointer  user_data)
{
  PwAnswer *a = answer (fixture, Q1);

  pw_answer_choose (a, 1);
  pw_answer_choose (a, 2);
  g_assert_true (pw_history_undo (fixture->history));
  g_assert_true (pw_history_get_can_redo (fixture->history));
  g_assert_cmpuint (pw_history_get_n_redo (fixture->history), ==, 1);

  pw_answer_choose (a, 5);
  g_assert_false (pw_history_get_can_redo (fixture->history));
  g_assert_false (pw_history_redo (fixture->history));
  assert_option (a, 5);

  g_assert_true (pw_history_undo (fixture->history));
  assert_option (a, 1);
  g_assert_true (pw_history_undo (fixture->history));
  assert_kind (a, PW_ANSWER_NONE);
  g_assert_false (pw_history_undo (fixture->history));
}

static void
test_new_assessment (Fixture       *fixture,
                     gconstpointer  user_data)
{
  GListModel *assessments = pw_workbook_get_assessments (fixture->workbook);
  PwAssessment *second = pw_workbook_start_assessment (fixture->workbook, NULL);
  g_autoptr(PwAssessment) kept = g_object_ref (second);
  g_autoptr(PwAssessment) third = pw_assessment_new ("added-by-hand");
  PwAnswer *a = pw_assessment_ensure_answer (second, Q1);
  PwAnswer *b;

  /* Starting an assessment, with its round label, is one step */
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 1);
  g_assert_cmpstr (pw_history_get_undo_label (fixture->history), ==, "New assessment");
  pw_answer_choose (a, 4);
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 2);

  /* An assessment with answers already, added later: its state is known */
  b = pw_assessment_ensure_answer (third, Q2);
  pw_answer_choose (b, 2);
  pw_answer_set_note (b, "before it was added");
  pw_workbook_add_assessment (fixture->workbook, third);
  pw_answer_choose (b, 5);
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 4);

  g_assert_true (pw_history_undo (fixture->history));
  assert_option (b, 2);
  g_assert_cmpstr (pw_answer_get_note (b), ==, "before it was added");
  g_assert_true (pw_history_undo (fixture->history));
  g_assert_null (pw_workbook_find_assessment (fixture->workbook, "added-by-hand"));
  g_assert_true (pw_history_undo (fixture->history));
  assert_kind (a, PW_ANSWER_NONE);
  g_assert_true (pw_history_undo (fixture->history));
  g_assert_cmpuint (g_list_model_get_n_items (assessments), ==, 1);
  g_assert_false (pw_history_undo (fixture->history));

  /* Redo puts them back, in their places, with what they held */
  while (pw_history_redo (fixture->history))
    ;
  g_assert_cmpuint (g_list_model_get_n_items (assessments), ==, 3);
  g_assert_true (pw_workbook_find_assessment (fixture->workbook,
                                              pw_assessment_get_id (second)) == second);
  g_assert_cmpstr (pw_assessment_get_round (second), ==, "Round 2");
  assert_option (a, 4);
  assert_option (b, 5);
}

static void
test_removed_assessment (Fixture       *fixture,
                         gconstpointer  user_data)
{
  GListModel *assessments = pw_workbook_get_assessments (fixture->workbook);
  PwAssessment *first = fixture->assessment;
  PwAssessment *second = pw_workbook_start_assessment (fixture->workbook, NULL);
  g_autoptr(PwAssessment) kept_alive = g_object_ref (first);
  PwAnswer *a1 = pw_assessment_ensure_answer (first, Q1);
  PwAnswer *b1 = pw_assessment_ensure_answer (second, Q1);
  guint steps;

  pw_answer_choose (a1, 1);
  pw_answer_choose (b1, 2);
  steps = pw_history_get_n_undo (fixture->history);

  /* Deleting is one step */
  pw_workbook_remove_assessment (fixture->workbook, first);
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, steps + 1);
  g_assert_nonnull (strstr (pw_history_get_undo_label (fixture->history), "Deleting"));

  /* A removed assessment is not followed */
  pw_answer_choose (a1, 5);
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, steps + 1);
  pw_answer_choose (a1, 1);

  /* Undo brings it back at its place, with its answers, and follows it again */
  g_assert_true (pw_history_undo (fixture->history));
  g_assert_cmpuint (g_list_model_get_n_items (assessments), ==, 2);
  {
    g_autoptr(PwAssessment) at_0 = g_list_model_get_item (assessments, 0);

    g_assert_true (at_0 == first);
  }
  assert_option (a1, 1);
  pw_answer_choose (a1, 3);
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, steps + 1);
  g_assert_cmpuint (pw_history_get_n_redo (fixture->history), ==, 0);
  g_assert_true (pw_history_undo (fixture->history));
  assert_option (a1, 1);

  /* Earlier steps of both still undo */
  g_assert_true (pw_history_undo (fixture->history));
  assert_kind (b1, PW_ANSWER_NONE);
  g_assert_true (pw_history_undo (fixture->history));
  assert_kind (a1, PW_ANSWER_NONE);
}

static void
test_report_unlinked (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(PwReportDraft) report = pw_report_draft_new ("report-1");
  const char *id = pw_assessment_get_id (fixture->assessment);
  g_autoptr(PwAssessment) kept = g_object_ref (fixture->assessment);

  pw_report_draft_set_assessment_id (report, id);
  pw_workbook_add_report (fixture->workbook, report);
  pw_history_clear (fixture->history);

  pw_workbook_remove_assessment (fixture->workbook, fixture->assessment);
  g_assert_null (pw_report_draft_get_assessment_id (report));
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 1);

  g_assert_true (pw_history_undo (fixture->history));
  g_assert_cmpstr (pw_report_draft_get_assessment_id (report), ==, id);
  g_assert_false (pw_history_get_can_undo (fixture->history));

  g_assert_true (pw_history_redo (fixture->history));
  g_assert_null (pw_report_draft_get_assessment_id (report));
  g_assert_null (pw_workbook_find_assessment (fixture->workbook, id));
}

/* What the facilitator writes in a report is undone as typed: a summary
 * typed is one step, the commentary on a dimension another, a section
 * switched off one, the assessment compared with one; undo takes each back
 * and redo brings it again. */
static void
test_report_texts (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(PwReportDraft) report = pw_report_draft_new ("report-1");
  g_autoptr(PwAssessment) second = NULL;

  pw_report_draft_set_assessment_id (report, pw_assessment_get_id (fixture->assessment));
  pw_workbook_add_report (fixture->workbook, report);
  second = g_object_ref (pw_workbook_start_assessment (fixture->workbook, NULL));
  pw_history_clear (fixture->history);

  pw_report_draft_set_summary (report, "L");
  pw_report_draft_set_summary (report, "Larkspur");
  pw_report_draft_set_summary (report, "Larkspur **grew**.");
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 1);
  advance (fixture, 5);

  pw_report_draft_set_commentary (report, "tools", "One");
  pw_report_draft_set_commentary (report, "tools", "One tool.");
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 2);
  g_assert_nonnull (strstr (pw_history_get_undo_label (fixture->history), "commentary"));

  /* Another dimension's commentary is another step, even typed at once */
  pw_report_draft_set_commentary (report, "strategy", "Targets per spoke.");
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 3);
  g_assert_true (pw_history_undo (fixture->history));
  g_assert_null (pw_report_draft_get_commentary (report, "strategy"));
  g_assert_cmpstr (pw_report_draft_get_commentary (report, "tools"), ==, "One tool.");
  advance (fixture, 5);

  pw_report_draft_set_section_included (report, PW_REPORT_SECTION_MAP, FALSE);
  pw_report_draft_set_compare_id (report, pw_assessment_get_id (second));
  pw_report_draft_set_title (report, "Review 2026");
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 5);

  g_assert_true (pw_history_undo (fixture->history));
  g_assert_null (pw_report_draft_get_title (report));
  g_assert_true (pw_history_undo (fixture->history));
  g_assert_null (pw_report_draft_get_compare_id (report));
  g_assert_true (pw_history_undo (fixture->history));
  g_assert_true (pw_report_draft_get_section_included (report, PW_REPORT_SECTION_MAP));
  g_assert_true (pw_history_undo (fixture->history));
  g_assert_null (pw_report_draft_get_commentary (report, "tools"));
  g_assert_cmpstr (pw_report_draft_get_summary (report), ==, "Larkspur **grew**.");
  g_assert_true (pw_history_undo (fixture->history));
  g_assert_null (pw_report_draft_get_summary (report));

  g_assert_true (pw_history_redo (fixture->history));
  g_assert_true (pw_history_redo (fixture->history));
  g_assert_cmpstr (pw_report_draft_get_commentary (report, "tools"), ==, "One tool.");
  g_assert_true (pw_history_redo (fixture->history));
  g_assert_false (pw_report_draft_get_section_included (report, PW_REPORT_SECTION_MAP));
  g_assert_true (pw_report_draft_get_section_included (report, PW_REPORT_SECTION_TEAMS));
  g_assert_cmpuint (pw_history_get_n_redo (fixture->history), ==, 2);
}

/* The report page adds a draft with the first edit of it, in one labelled
 * edit: the letters typed after the first merge into that step, so that
 * one undo takes back the draft and all it was typed; redo brings back
 * the same draft, and deleting a draft is a step too. */
static void
test_report_added (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(PwReportDraft) report = pw_report_draft_new ("report-1");
  GListModel *reports = pw_workbook_get_reports (fixture->workbook);

  pw_history_clear (fixture->history);
  pw_workbook_begin_edit (fixture->workbook, "Executive summary");
  pw_workbook_add_report (fixture->workbook, report);
  pw_report_draft_set_summary (report, "a");
  pw_workbook_end_edit (fixture->workbook);
  advance (fixture, 0.5);
  pw_report_draft_set_summary (report, "ab");
  advance (fixture, 0.5);
  pw_report_draft_set_summary (report, "abc");
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 1);

  g_assert_true (pw_history_undo (fixture->history));
  g_assert_cmpuint (g_list_model_get_n_items (reports), ==, 0);
  g_assert_null (pw_report_draft_get_summary (report));

  g_assert_true (pw_history_redo (fixture->history));
  g_assert_cmpuint (g_list_model_get_n_items (reports), ==, 1);
  g_assert_true (pw_workbook_find_report (fixture->workbook, "report-1") == report);
  g_assert_cmpstr (pw_report_draft_get_summary (report), ==, "abc");

  /* Another field is another step */
  advance (fixture, 0.5);
  pw_report_draft_set_title (report, "Review");
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 2);

  advance (fixture, 5);
  pw_workbook_remove_report (fixture->workbook, report);
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 3);
  g_assert_true (pw_history_undo (fixture->history));
  g_assert_true (pw_workbook_find_report (fixture->workbook, "report-1") == report);
  g_assert_cmpstr (pw_report_draft_get_title (report), ==, "Review");
}

/* The scope and the round label that follows it are one step: undo puts
 * back both, never the old label on the new scope. */
static void
test_scope (Fixture       *fixture,
            gconstpointer  user_data)
{
  PwOrgMap *map = pw_workbook_get_org_map (fixture->workbook);
  g_autoptr(PwTeam) team = pw_team_new ("legal", PW_TEAM_SPOKE, "Legal");
  PwAssessment *second = pw_workbook_start_assessment (fixture->workbook, NULL);

  pw_org_map_add_team (map, team);
  g_assert_cmpstr (pw_assessment_get_round (second), ==, "Round 2");
  pw_history_clear (fixture->history);

  pw_workbook_set_assessment_scope (fixture->workbook, second, "legal");
  g_assert_cmpstr (pw_assessment_get_round (second), ==, "Round 1");
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 1);
  g_assert_cmpstr (pw_history_get_undo_label (fixture->history), ==, "Scope");

  g_assert_true (pw_history_undo (fixture->history));
  g_assert_null (pw_assessment_get_team_id (second));
  g_assert_cmpstr (pw_assessment_get_round (second), ==, "Round 2");
  g_assert_false (pw_history_get_can_undo (fixture->history));

  g_assert_true (pw_history_redo (fixture->history));
  g_assert_cmpstr (pw_assessment_get_team_id (second), ==, "legal");
  g_assert_cmpstr (pw_assessment_get_round (second), ==, "Round 1");

  /* A label the user wrote stays, and the step is the scope's alone */
  pw_assessment_set_round (second, "Baseline");
  advance (fixture, 3);
  pw_workbook_set_assessment_scope (fixture->workbook, second, NULL);
  g_assert_cmpstr (pw_assessment_get_round (second), ==, "Baseline");
  g_assert_true (pw_history_undo (fixture->history));
  g_assert_cmpstr (pw_assessment_get_team_id (second), ==, "legal");
  g_assert_cmpstr (pw_history_get_undo_label (fixture->history), ==, "Round");
}

/* Types @text into @property of @object one character at a time. */
static void
type_property (Fixture    *fixture,
               gpointer    object,
               const char *property,
               const char *text,
               double      interval)
{
  g_autoptr(GString) value = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      advance (fixture, interval);
      g_string_append_unichar (value, g_utf8_get_char (p));
      g_object_set (object, property, value->str, NULL);
    }
}

static void
test_profile (Fixture       *fixture,
              gconstpointer  user_data)
{
  type_property (fixture, fixture->workbook, "name", "Larkspur", 0.2);
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 1);
  g_assert_cmpstr (pw_history_get_undo_label (fixture->history), ==, "Organization name");

  /* Another field: another step; the same field after a pause: another */
  type_property (fixture, fixture->workbook, "region", "Europe", 0.2);
  advance (fixture, 3);
  type_property (fixture, fixture->workbook, "name", " Outdoor", 0.2);
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 3);

  /* Fields of an assessment, text and number */
  type_property (fixture, fixture->assessment, "facilitator", "Ana", 0.2);
  advance (fixture, 0.2);
  pw_assessment_set_participants (fixture->assessment, 12);
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 5);
  g_assert_cmpstr (pw_history_get_undo_label (fixture->history), ==, "Participants");

  g_assert_true (pw_history_undo (fixture->history));
  g_assert_cmpint (pw_assessment_get_participants (fixture->assessment), ==, 0);
  g_assert_true (pw_history_undo (fixture->history));
  g_assert_null (pw_assessment_get_facilitator (fixture->assessment));
  g_assert_true (pw_history_undo (fixture->history));
  g_assert_cmpstr (pw_workbook_get_name (fixture->workbook), ==, "Larkspur");
  g_assert_true (pw_history_undo (fixture->history));
  g_assert_null (pw_workbook_get_region (fixture->workbook));
  g_assert_true (pw_history_undo (fixture->history));
  g_assert_null (pw_workbook_get_name (fixture->workbook));

  /* Setting a field to what it holds is no step; "" is no text */
  pw_history_clear (fixture->history);
  pw_workbook_set_name (fixture->workbook, "");
  pw_workbook_set_name (fixture->workbook, NULL);
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 0);
}

/* Hiding the phases is a switch: flipped twice at once, it is two steps,
 * not typing that cancels out. */
static void
test_hide_phases (Fixture       *fixture,
                  gconstpointer  user_data)
{
  pw_assessment_set_hide_phases (fixture->assessment, TRUE);
  advance (fixture, 0.2);
  pw_assessment_set_hide_phases (fixture->assessment, FALSE);
  advance (fixture, 0.2);
  pw_assessment_set_hide_phases (fixture->assessment, TRUE);
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 3);
  g_assert_cmpstr (pw_history_get_undo_label (fixture->history), ==, "Hide the phases");

  g_assert_true (pw_history_undo (fixture->history));
  g_assert_false (pw_assessment_get_hide_phases (fixture->assessment));
  g_assert_true (pw_history_undo (fixture->history));
  g_assert_true (pw_assessment_get_hide_phases (fixture->assessment));
  g_assert_true (pw_history_undo (fixture->history));
  g_assert_false (pw_assessment_get_hide_phases (fixture->assessment));
  g_assert_false (pw_history_get_can_undo (fixture->history));

  g_assert_true (pw_history_redo (fixture->history));
  g_assert_true (pw_assessment_get_hide_phases (fixture->assessment));

  /* Setting what it holds is no step */
  pw_history_clear (fixture->history);
  pw_assessment_set_hide_phases (fixture->assessment, TRUE);
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 0);
}

/* A field never set, typed into and emptied again at once, changed
 * nothing: "" is no text, as for notes. */
static void
test_typed_and_erased (Fixture       *fixture,
                       gconstpointer  user_data)
{
  PwAnswer *a = answer (fixture, Q1);

  g_assert_null (pw_assessment_get_facilitator (fixture->assessment));
  type_property (fixture, fixture->assessment, "facilitator", "Ana", 0.2);
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 1);
  advance (fixture, 0.2);
  pw_assessment_set_facilitator (fixture->assessment, "A");
  advance (fixture, 0.2);
  pw_assessment_set_facilitator (fixture->assessment, "");
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 0);

  /* The same for a note */
  advance (fixture, 3);
  type_note (fixture, a, "ok", 0.2);
  advance (fixture, 0.2);
  pw_answer_set_note (a, "");
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 0);
}

/* One history holds every kind of edit, undone newest first whatever the
 * kind, and redone in order. */
static void
test_two_kinds (Fixture       *fixture,
                gconstpointer  user_data)
{
  GListModel *assessments = pw_workbook_get_assessments (fixture->workbook);
  PwAnswer *a = answer (fixture, Q1);
  PwAssessment *second;

  pw_answer_choose (a, 4);
  advance (fixture, 0.5);
  pw_assessment_set_round (fixture->assessment, "Baseline");
  advance (fixture, 0.5);
  pw_answer_set_note (a, "Weekly posts");
  advance (fixture, 0.5);
  pw_workbook_set_name (fixture->workbook, "Larkspur");
  advance (fixture, 0.5);
  second = pw_workbook_start_assessment (fixture->workbook, NULL);
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 5);

  g_assert_true (pw_history_undo (fixture->history));
  g_assert_cmpuint (g_list_model_get_n_items (assessments), ==, 1);
  g_assert_true (pw_history_undo (fixture->history));
  g_assert_null (pw_workbook_get_name (fixture->workbook));
  g_assert_true (pw_history_undo (fixture->history));
  g_assert_null (pw_answer_get_note (a));
  assert_option (a, 4);
  g_assert_true (pw_history_undo (fixture->history));
  g_assert_cmpstr (pw_assessment_get_round (fixture->assessment), ==, "Round 1");
  g_assert_true (pw_history_undo (fixture->history));
  assert_kind (a, PW_ANSWER_NONE);
  g_assert_false (pw_history_get_can_undo (fixture->history));

  for (guint i = 0; i < 5; i++)
    g_assert_true (pw_history_redo (fixture->history));
  assert_option (a, 4);
  g_assert_cmpstr (pw_answer_get_note (a), ==, "Weekly posts");
  g_assert_cmpstr (pw_assessment_get_round (fixture->assessment), ==, "Baseline");
  g_assert_cmpstr (pw_workbook_get_name (fixture->workbook), ==, "Larkspur");
  g_assert_cmpuint (g_list_model_get_n_items (assessments), ==, 2);
  g_assert_true (pw_workbook_find_assessment (fixture->workbook,
                                              pw_assessment_get_id (second)) == second);
  g_assert_false (pw_history_get_can_redo (fixture->history));
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

  g_assert_true (pw_history_undo (fixture->history));
  g_assert_cmpuint (counts.can_undo, ==, 1);
  g_assert_cmpuint (counts.can_redo, ==, 1);

  g_assert_true (pw_history_undo (fixture->history));
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

  pw_history_clear (fixture->history);
  g_assert_cmpuint (counts.can_undo, ==, 4);
  g_assert_cmpuint (counts.can_redo, ==, 2);
  pw_history_clear (fixture->history);
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

  g_assert_true (pw_history_undo (fixture->history));
  g_assert_true (pw_workbook_get_modified (fixture->workbook));
  /* Undo is not recorded as a change of its own */
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 0);
  g_assert_cmpuint (pw_history_get_n_redo (fixture->history), ==, 1);

  pw_workbook_set_modified (fixture->workbook, FALSE);
  g_assert_true (pw_history_redo (fixture->history));
  g_assert_true (pw_workbook_get_modified (fixture->workbook));
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 1);
  g_assert_cmpuint (pw_history_get_n_redo (fixture->history), ==, 0);
}

/* A workbook loaded from a file: the recorder knows the answers it had. */
static void
test_existing_answers (void)
{
  g_autofree char *path = pw_test_example_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PwWorkbook) workbook = pw_workbook_load (file, NULL, &error);
  g_autoptr(PwHistory) history = pw_history_new ();
  g_autoptr(PwRecorder) recorder = NULL;
  g_autoptr(PwAnswer) original = NULL;
  GListModel *assessments;
  PwAnswer *found = NULL;
  PwFramework *framework;

  g_assert_no_error (error);
  recorder = pw_recorder_new (workbook, history);

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
                found = a;
            }
        }
    }
  g_assert_nonnull (found);

  original = pw_answer_new (pw_answer_get_question_id (found));
  pw_answer_copy_from (original, found);

  pw_answer_set_kind (found, PW_ANSWER_DONT_KNOW);
  pw_answer_set_note (found, "Replaced");
  pw_answer_set_evidence (found, "Replaced too");
  g_assert_cmpuint (pw_history_get_n_undo (history), ==, 3);

  while (pw_history_undo (history))
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

  for (guint i = 0; i < PW_HISTORY_MAX_STEPS + 100; i++)
    pw_answer_choose (a, (int) (i % 5) + 1);
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, PW_HISTORY_MAX_STEPS);

  while (pw_history_undo (fixture->history))
    undone++;
  g_assert_cmpuint (undone, ==, PW_HISTORY_MAX_STEPS);

  /* The oldest 100 were forgotten: undo stops at the state after them */
  assert_option (a, (100 - 1) % 5 + 1);
}

static void
test_labels (Fixture       *fixture,
             gconstpointer  user_data)
{
  PwFramework *framework = pw_workbook_get_framework (fixture->workbook);
  const PwQuestion *q1 = pw_framework_find_question (framework, Q1);
  const PwQuestion *q2 = pw_framework_find_question (framework, Q2);
  g_autofree char *about_q1 = NULL;
  g_autofree char *start_q2 = NULL;

  g_assert_null (pw_history_get_undo_label (fixture->history));
  g_assert_null (pw_history_get_redo_label (fixture->history));

  pw_answer_choose (answer (fixture, Q1), 2);
  pw_answer_set_kind (answer (fixture, Q2), PW_ANSWER_DONT_KNOW);

  /* A question is named by its text, cut with an ellipsis when long */
  about_q1 = g_strdup_printf ("Answer to “%s”", q1->text);
  start_q2 = g_utf8_substring (q2->text, 0, 20);
  g_assert_true (g_str_has_prefix (pw_history_get_undo_label (fixture->history), "Answer to “"));
  g_assert_nonnull (strstr (pw_history_get_undo_label (fixture->history), start_q2));
  g_assert_cmpuint (g_utf8_strlen (pw_history_get_undo_label (fixture->history), -1), <=, 75);

  g_assert_true (pw_history_undo (fixture->history));
  if (g_utf8_strlen (q1->text, -1) <= 60)
    g_assert_cmpstr (pw_history_get_undo_label (fixture->history), ==, about_q1);
  g_assert_nonnull (strstr (pw_history_get_redo_label (fixture->history), start_q2));

  g_assert_true (pw_history_undo (fixture->history));
  g_assert_null (pw_history_get_undo_label (fixture->history));

  /* Notes and evidence are named as such */
  pw_answer_set_note (answer (fixture, Q1), "n");
  g_assert_true (g_str_has_prefix (pw_history_get_undo_label (fixture->history), "Note on “"));
  advance (fixture, 0.1);
  pw_answer_set_evidence (answer (fixture, Q1), "e");
  g_assert_true (g_str_has_prefix (pw_history_get_undo_label (fixture->history),
                                   "Evidence for “"));
}

static void
test_clear_and_finalize (void)
{
  g_autoptr(PwFramework) framework = NULL;
  g_autoptr(PwWorkbook) workbook = NULL;
  g_autoptr(GError) error = NULL;
  PwHistory *history;
  PwRecorder *recorder;
  PwAssessment *assessment;
  PwAnswer *a;

  framework = pw_framework_load_bundled (&error);
  g_assert_no_error (error);
  workbook = pw_workbook_new (framework);
  assessment = pw_workbook_start_assessment (workbook, NULL);
  a = pw_assessment_ensure_answer (assessment, Q1);
  history = pw_history_new ();
  recorder = pw_recorder_new (workbook, history);

  pw_answer_choose (a, 1);
  pw_answer_set_note (a, "note");
  g_assert_true (pw_history_undo (history));
  pw_history_clear (history);
  g_assert_false (pw_history_get_can_undo (history));
  g_assert_false (pw_history_get_can_redo (history));
  g_assert_false (pw_history_undo (history));
  g_assert_false (pw_history_redo (history));

  pw_answer_choose (a, 2);
  g_assert_finalize_object (recorder);

  /* Edits after the recorder is gone reach nothing of it. */
  pw_answer_choose (a, 3);
  pw_workbook_set_name (workbook, "After");
  pw_workbook_start_assessment (workbook, NULL);
  pw_workbook_remove_assessment (workbook, assessment);
  g_assert_cmpuint (pw_history_get_n_undo (history), ==, 1);
  g_assert_finalize_object (history);
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

  g_test_add_func ("/phasewise/history/entries", test_entries);
  g_test_add_func ("/phasewise/history/groups", test_groups);
  add_test ("/phasewise/history/choose", test_choose);
  add_test ("/phasewise/history/coalesce", test_coalesce);
  add_test ("/phasewise/history/coalesce-fields", test_coalesce_fields);
  add_test ("/phasewise/history/dont-know", test_dont_know);
  add_test ("/phasewise/history/redo-cleared", test_redo_cleared);
  add_test ("/phasewise/history/new-assessment", test_new_assessment);
  add_test ("/phasewise/history/removed-assessment", test_removed_assessment);
  add_test ("/phasewise/history/report-unlinked", test_report_unlinked);
  add_test ("/phasewise/history/report-texts", test_report_texts);
  add_test ("/phasewise/history/report-added", test_report_added);
  add_test ("/phasewise/history/scope", test_scope);
  add_test ("/phasewise/history/profile", test_profile);
  add_test ("/phasewise/history/typed-and-erased", test_typed_and_erased);
  add_test ("/phasewise/history/hide-phases", test_hide_phases);
  add_test ("/phasewise/history/two-kinds", test_two_kinds);
  add_test ("/phasewise/history/notify", test_notify);
  add_test ("/phasewise/history/modified", test_modified);
  g_test_add_func ("/phasewise/history/existing-answers", test_existing_answers);
  add_test ("/phasewise/history/limit", test_limit);
  add_test ("/phasewise/history/labels", test_labels);
  g_test_add_func ("/phasewise/history/clear-and-finalize", test_clear_and_finalize);

  return g_test_run ();
}
