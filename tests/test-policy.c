/* test-policy.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The policy checklist: the history of every status change, the checklist
 * as it stood on an assessment's date, custom categories, and the reason a
 * core item does not apply.
 *
 *   /phasewise/policy/modified-round-trip   a change marks the workbook; save, reopen, same bytes
 *   /phasewise/policy/same-day              one change per day and person; set back: none
 *   /phasewise/policy/same-day-not-applicable  set back to N/A with its reason: none either
 *   /phasewise/policy/two-people            two people on one day: both kept
 *   /phasewise/policy/limit                 PW_POLICY_MAX_CHANGES, the oldest let go
 *   /phasewise/policy/status-on             before, at and after each change; reason_on
 *   /phasewise/policy/earlier-date          a change dated before the last still reopens
 *   /phasewise/policy/long-texts            a reason or a name too long for the file still reopens
 *   /phasewise/policy/cap-as-of-date        the cap appears and lifts; old assessments keep theirs
 *   /phasewise/policy/waivers               a core item N/A is listed with its reason
 *   /phasewise/policy/larkspur              the example of docs/scoring.md, as the example file gives it
 *   /phasewise/policy/core-reason-model     N/A without a visible reason: refused, nothing changed
 *   /phasewise/policy/core-reason-loader    …and refused by the loader, naming the member
 *   /phasewise/policy/set-core-refused      a custom N/A item without reason cannot become core
 *   /phasewise/policy/history-loader        out of order, previous, last status, too long: refused
 *   /phasewise/policy/undo-status           one step: status, reason, history; redo
 *   /phasewise/policy/undo-owner            typing an owner is one step
 *   /phasewise/policy/undo-custom           add, remove a category with its items, moves
 *   /phasewise/policy/custom-round-trip     ids, names, order and categories survive a save
 *   /phasewise/policy/unknown-members       members of a newer version survive a save
 *   /phasewise/policy/old-workbook          no history, no history_since: opens, always held
 *   /phasewise/policy/emptied-names         a category name or item title emptied: still reopens
 *   /phasewise/policy/csv-hostile           formulas inert, quoting, unicode, a long note
 *   /phasewise/policy/csv-order             display order, custom categories' names
 */

#define G_LOG_DOMAIN "test-policy"

#include "config.h"

#include <string.h>

#include "pw-test-core.h"

static const char * const core_ids[] = {
  "scope-purpose", "identity-spokespeople", "identity-endorsement", "legal-confidentiality",
  "accounts-registry", "accounts-security", "response-flow", "crisis-plan", "compliance-privacy",
  "training-required", "enforcement-owner", NULL
};

/* ------------------------------------------------------------------------
 * Helpers
 */

static PwFramework *
load_framework (void)
{
  g_autoptr(GError) error = NULL;
  PwFramework *framework = pw_framework_load_bundled (&error);

  g_assert_no_error (error);
  return framework;
}

static PwWorkbook *
new_workbook (void)
{
  g_autoptr(PwFramework) framework = load_framework ();

  return pw_workbook_new (framework);
}

static void
change (PwPolicyItem   *item,
        PwPolicyStatus  status,
        const char     *reason,
        const char     *date,
        const char     *by)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = pw_policy_item_change_status (item, status, reason, date, by, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
}

static void
assert_change (PwPolicyItem   *item,
               guint           index,
               const char     *date,
               PwPolicyStatus  previous,
               PwPolicyStatus  status,
               const char     *by)
{
  GPtrArray *changes = pw_policy_item_get_changes (item);
  const PwPolicyChange *c;

  g_assert_cmpuint (index, <, changes->len);
  c = g_ptr_array_index (changes, index);
  g_assert_cmpstr (c->date, ==, date);
  g_assert_cmpint (c->previous, ==, previous);
  g_assert_cmpint (c->status, ==, status);
  g_assert_cmpstr (c->by, ==, by);
}

/* Compares two histories entry by entry */
static void
assert_same_changes (GPtrArray  *a,
                     GPtrArray  *b,
                     const char *what)
{
  if (a->len != b->len)
    g_error ("%s: %u changes, expected %u", what, a->len, b->len);

  for (guint i = 0; i < a->len; i++)
    {
      const PwPolicyChange *x = g_ptr_array_index (a, i);
      const PwPolicyChange *y = g_ptr_array_index (b, i);

      if (g_strcmp0 (x->date, y->date) != 0 || x->status != y->status
          || x->previous != y->previous || g_strcmp0 (x->by, y->by) != 0
          || g_strcmp0 (x->reason, y->reason) != 0)
        g_error ("%s: change %u differs: %s %d→%d by %s (%s), expected %s %d→%d by %s (%s)",
                 what, i, x->date, x->previous, x->status, x->by, x->reason,
                 y->date, y->previous, y->status, y->by, y->reason);
    }
}

/* Saves @workbook, loads it again and checks that saving that gives the
 * same bytes; returns the workbook loaded. */
static PwWorkbook *
save_and_reopen (PwWorkbook *workbook)
{
  g_autoptr(GBytes) saved = pw_workbook_serialize (workbook);
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(GError) error = NULL;
  PwWorkbook *loaded = pw_workbook_load_from_bytes (saved, &error);

  if (error != NULL)
    g_error ("a saved workbook does not reopen: %s", error->message);
  saved_again = pw_workbook_serialize (loaded);
  if (!g_bytes_equal (saved, saved_again))
    g_error ("saving a reopened workbook changed its bytes");

  return loaded;
}

/* Every item of @a and @b: the same status, reason, history and fields */
static void
assert_same_policy (PwPolicy *a,
                    PwPolicy *b)
{
  GListModel *items_a = pw_policy_get_items (a);
  GListModel *items_b = pw_policy_get_items (b);
  guint n = g_list_model_get_n_items (items_a);

  g_assert_cmpuint (g_list_model_get_n_items (items_b), ==, n);
  g_assert_cmpstr (pw_policy_get_history_since (a), ==, pw_policy_get_history_since (b));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwPolicyItem) x = g_list_model_get_item (items_a, i);
      g_autoptr(PwPolicyItem) y = g_list_model_get_item (items_b, i);
      const char *id = pw_policy_item_get_id (x);

      g_assert_cmpstr (pw_policy_item_get_id (y), ==, id);
      g_assert_cmpint (pw_policy_item_get_custom (y), ==, pw_policy_item_get_custom (x));
      g_assert_cmpstr (pw_policy_item_get_category (y), ==, pw_policy_item_get_category (x));
      g_assert_cmpstr (pw_policy_item_get_title (y), ==, pw_policy_item_get_title (x));
      g_assert_cmpint (pw_policy_item_get_core (y), ==, pw_policy_item_get_core (x));
      if (pw_policy_item_get_status (y) != pw_policy_item_get_status (x))
        g_error ("%s: status %d after reopening, %d before", id,
                 pw_policy_item_get_status (y), pw_policy_item_get_status (x));
      g_assert_cmpstr (pw_policy_item_get_reason (y), ==, pw_policy_item_get_reason (x));
      g_assert_cmpstr (pw_policy_item_get_owner (y), ==, pw_policy_item_get_owner (x));
      g_assert_cmpstr (pw_policy_item_get_note (y), ==, pw_policy_item_get_note (x));
      assert_same_changes (pw_policy_item_get_changes (y), pw_policy_item_get_changes (x), id);
    }
}

/* The workbook's JSON, for a test to edit and load */
static JsonNode *
to_json (PwWorkbook *workbook)
{
  g_autoptr(GBytes) bytes = pw_workbook_serialize (workbook);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  JsonNode *root = json_from_string (text, &error);

  g_assert_no_error (error);
  return root;
}

static JsonObject *
policy_object (JsonNode *root)
{
  return json_object_get_object_member (json_node_get_object (root), "policy");
}

static PwWorkbook *
load_json (JsonNode  *root,
           GError   **error)
{
  char *text = json_to_string (root, TRUE);
  g_autoptr(GBytes) bytes = g_bytes_new_take (text, strlen (text));

  return pw_workbook_load_from_bytes (bytes, error);
}

static void
set_governance (PwFramework  *framework,
                PwAssessment *assessment,
                int           phase)
{
  const PwDimension *dimension = pw_framework_find_dimension (framework, PW_GOVERNANCE_DIMENSION);

  g_assert_nonnull (dimension);
  for (guint i = 0; i < dimension->questions->len; i++)
    {
      const PwQuestion *question = g_ptr_array_index (dimension->questions, i);

      pw_answer_choose (pw_assessment_ensure_answer (assessment, question->id), phase);
    }
}

static PwDimensionScore *
governance_on (PwPolicy   *policy,
               const char *date)
{
  PwFramework *framework = pw_policy_get_framework (policy);
  g_autoptr(PwAssessment) assessment = pw_assessment_new ("a");
  g_autoptr(PwScore) score = NULL;

  pw_assessment_set_date (assessment, date);
  set_governance (framework, assessment, 5);
  score = pw_score_compute (framework, assessment, policy);

  return pw_dimension_score_copy (pw_score_find_dimension (score, PW_GOVERNANCE_DIMENSION));
}

static char *
day_after (const char *date,
           guint       days)
{
  GDate d;
  char buffer[16];

  g_date_clear (&d, 1);
  g_date_set_parse (&d, date);
  g_assert_true (g_date_valid (&d));
  g_date_add_days (&d, days);
  g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", &d);

  return g_strdup (buffer);
}

/* ------------------------------------------------------------------------
 * Saving and the history's rules
 */

static void
test_modified_round_trip (void)
{
  g_autoptr(PwWorkbook) workbook = new_workbook ();
  g_autoptr(PwWorkbook) loaded = NULL;
  PwPolicy *policy = pw_workbook_get_policy (workbook);
  PwPolicyItem *crisis = pw_policy_find_item (policy, "crisis-plan");
  PwPolicyItem *labor = pw_policy_find_item (policy, "legal-labor");
  PwPolicyItem *security = pw_policy_find_item (policy, "accounts-security");

  pw_workbook_set_modified (workbook, FALSE);
  change (crisis, PW_POLICY_DRAFTING, NULL, "2025-09-01", "Maren Olsen");
  g_assert_true (pw_workbook_get_modified (workbook));

  pw_workbook_set_modified (workbook, FALSE);
  change (crisis, PW_POLICY_IN_PLACE, NULL, "2025-12-01", "Maren Olsen");
  g_assert_true (pw_workbook_get_modified (workbook));

  pw_workbook_set_modified (workbook, FALSE);
  change (labor, PW_POLICY_NOT_APPLICABLE, "Covered by the works council", "2025-10-01", NULL);
  change (security, PW_POLICY_NOT_APPLICABLE, "We run no accounts of our own", "2025-10-02",
          "Jo «Ü» Smith");
  g_assert_true (pw_workbook_get_modified (workbook));

  /* A change to what it already is changes nothing, and marks nothing */
  pw_workbook_set_modified (workbook, FALSE);
  change (crisis, PW_POLICY_IN_PLACE, NULL, "2026-01-01", "Maren Olsen");
  g_assert_false (pw_workbook_get_modified (workbook));
  g_assert_cmpuint (pw_policy_item_get_changes (crisis)->len, ==, 2);

  loaded = save_and_reopen (workbook);
  assert_same_policy (pw_workbook_get_policy (loaded), policy);
  g_assert_false (pw_workbook_get_modified (loaded));
  g_assert_cmpstr (pw_policy_item_get_reason (pw_policy_find_item (pw_workbook_get_policy (loaded),
                                                                   "accounts-security")),
                   ==, "We run no accounts of our own");
}

static void
test_same_day (void)
{
  g_autoptr(PwWorkbook) workbook = new_workbook ();
  PwPolicyItem *item = pw_policy_find_item (pw_workbook_get_policy (workbook), "crisis-plan");

  change (item, PW_POLICY_DRAFTING, NULL, "2026-01-01", "Ann");
  change (item, PW_POLICY_IN_PLACE, NULL, "2026-01-01", "Ann");
  g_assert_cmpuint (pw_policy_item_get_changes (item)->len, ==, 1);
  assert_change (item, 0, "2026-01-01", PW_POLICY_MISSING, PW_POLICY_IN_PLACE, "Ann");

  /* Set back the same day: the day's change is taken away */
  change (item, PW_POLICY_MISSING, NULL, "2026-01-01", "Ann");
  g_assert_cmpuint (pw_policy_item_get_changes (item)->len, ==, 0);
  g_assert_cmpint (pw_policy_item_get_status (item), ==, PW_POLICY_MISSING);

  /* A day later, a new step; set back that day: the first day's is kept */
  change (item, PW_POLICY_DRAFTING, NULL, "2026-01-01", "Ann");
  change (item, PW_POLICY_IN_PLACE, NULL, "2026-01-02", "Ann");
  change (item, PW_POLICY_DRAFTING, NULL, "2026-01-02", "Ann");
  g_assert_cmpuint (pw_policy_item_get_changes (item)->len, ==, 1);
  assert_change (item, 0, "2026-01-01", PW_POLICY_MISSING, PW_POLICY_DRAFTING, "Ann");
}

/* Set back to "not applicable" with the reason it had: no change either */
static void
test_same_day_not_applicable (void)
{
  g_autoptr(PwWorkbook) workbook = new_workbook ();
  PwPolicyItem *item = pw_policy_find_item (pw_workbook_get_policy (workbook), "legal-labor");

  change (item, PW_POLICY_NOT_APPLICABLE, "Works council", "2026-01-01", "Ann");
  change (item, PW_POLICY_IN_PLACE, NULL, "2026-02-01", "Ann");
  change (item, PW_POLICY_NOT_APPLICABLE, "Works council", "2026-02-01", "Ann");
  g_assert_cmpuint (pw_policy_item_get_changes (item)->len, ==, 1);
  assert_change (item, 0, "2026-01-01", PW_POLICY_MISSING, PW_POLICY_NOT_APPLICABLE, "Ann");

  /* With another reason, the day's change is a change of reason */
  change (item, PW_POLICY_NOT_APPLICABLE, "Collective agreement", "2026-02-01", "Ann");
  g_assert_cmpuint (pw_policy_item_get_changes (item)->len, ==, 2);
  assert_change (item, 1, "2026-02-01", PW_POLICY_NOT_APPLICABLE, PW_POLICY_NOT_APPLICABLE, "Ann");
  g_assert_cmpstr (pw_policy_item_get_reason_on (item, "2026-01-31"), ==, "Works council");
  g_assert_cmpstr (pw_policy_item_get_reason_on (item, "2026-02-01"), ==, "Collective agreement");
}

static void
test_two_people (void)
{
  g_autoptr(PwWorkbook) workbook = new_workbook ();
  g_autoptr(PwWorkbook) loaded = NULL;
  PwPolicyItem *item = pw_policy_find_item (pw_workbook_get_policy (workbook), "crisis-plan");

  change (item, PW_POLICY_DRAFTING, NULL, "2026-01-01", "Ann");
  change (item, PW_POLICY_IN_PLACE, NULL, "2026-01-01", "Bob");
  g_assert_cmpuint (pw_policy_item_get_changes (item)->len, ==, 2);
  assert_change (item, 0, "2026-01-01", PW_POLICY_MISSING, PW_POLICY_DRAFTING, "Ann");
  assert_change (item, 1, "2026-01-01", PW_POLICY_DRAFTING, PW_POLICY_IN_PLACE, "Bob");
  g_assert_cmpint (pw_policy_item_get_status_on (item, "2026-01-01"), ==, PW_POLICY_IN_PLACE);

  /* Someone without a name is someone else again */
  change (item, PW_POLICY_MISSING, NULL, "2026-01-01", NULL);
  g_assert_cmpuint (pw_policy_item_get_changes (item)->len, ==, 3);
  assert_change (item, 2, "2026-01-01", PW_POLICY_IN_PLACE, PW_POLICY_MISSING, NULL);

  loaded = save_and_reopen (workbook);
  assert_same_policy (pw_workbook_get_policy (loaded), pw_workbook_get_policy (workbook));
}

static void
test_limit (void)
{
  g_autoptr(PwWorkbook) workbook = new_workbook ();
  g_autoptr(PwWorkbook) loaded = NULL;
  PwPolicyItem *item = pw_policy_find_item (pw_workbook_get_policy (workbook), "crisis-plan");
  g_autofree char *second = day_after ("2000-01-01", 1);
  g_autofree char *last = day_after ("2000-01-01", PW_POLICY_MAX_CHANGES);
  GPtrArray *changes;

  for (guint i = 0; i <= PW_POLICY_MAX_CHANGES; i++)
    {
      g_autofree char *date = day_after ("2000-01-01", i);

      change (item, i % 2 == 0 ? PW_POLICY_DRAFTING : PW_POLICY_IN_PLACE, NULL, date, "Ann");
    }

  changes = pw_policy_item_get_changes (item);
  g_assert_cmpuint (changes->len, ==, PW_POLICY_MAX_CHANGES);
  /* The oldest (2000-01-01, missing → drafting) was let go */
  assert_change (item, 0, second, PW_POLICY_DRAFTING, PW_POLICY_IN_PLACE, "Ann");
  assert_change (item, PW_POLICY_MAX_CHANGES - 1, last, PW_POLICY_IN_PLACE, PW_POLICY_DRAFTING,
                 "Ann");
  g_assert_cmpint (pw_policy_item_get_status_on (item, "1999-12-31"), ==, PW_POLICY_DRAFTING);
  g_assert_cmpint (pw_policy_item_get_status_on (item, second), ==, PW_POLICY_IN_PLACE);

  /* A full history is saved and reopened */
  loaded = save_and_reopen (workbook);
  assert_same_policy (pw_workbook_get_policy (loaded), pw_workbook_get_policy (workbook));
}

static void
test_status_on (void)
{
  g_autoptr(PwWorkbook) workbook = new_workbook ();
  PwPolicy *policy = pw_workbook_get_policy (workbook);
  PwPolicyItem *item = pw_policy_find_item (policy, "legal-labor");
  PwPolicyItem *untouched = pw_policy_find_item (policy, "crisis-plan");
  const struct {
    const char     *date;
    PwPolicyStatus  status;
    const char     *reason;
  } expected[] = {
    { "1999-01-01", PW_POLICY_MISSING, NULL },
    { "2025-12-31", PW_POLICY_MISSING, NULL },
    { "2026-01-01", PW_POLICY_DRAFTING, NULL },
    { "2026-01-31", PW_POLICY_DRAFTING, NULL },
    { "2026-02-01", PW_POLICY_NOT_APPLICABLE, "No staff" },
    { "2026-02-28", PW_POLICY_NOT_APPLICABLE, "No staff" },
    { "2026-03-01", PW_POLICY_IN_PLACE, NULL },
    { "2099-12-31", PW_POLICY_IN_PLACE, NULL },
  };

  /* No history: always its status */
  g_assert_cmpint (pw_policy_item_get_status_on (untouched, "1990-01-01"), ==, PW_POLICY_MISSING);

  change (item, PW_POLICY_DRAFTING, NULL, "2026-01-01", "Ann");
  change (item, PW_POLICY_NOT_APPLICABLE, "No staff", "2026-02-01", "Ann");
  change (item, PW_POLICY_IN_PLACE, NULL, "2026-03-01", "Ann");

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      if (pw_policy_item_get_status_on (item, expected[i].date) != expected[i].status)
        g_error ("status on %s: %d, expected %d", expected[i].date,
                 pw_policy_item_get_status_on (item, expected[i].date), expected[i].status);
      g_assert_cmpstr (pw_policy_item_get_reason_on (item, expected[i].date), ==,
                       expected[i].reason);
    }

  g_assert_cmpint (pw_policy_item_get_status_on (item, NULL), ==, PW_POLICY_IN_PLACE);
  g_assert_null (pw_policy_item_get_reason (item));
}

/* A change dated before the last one recorded (a clock set back, a
 * second computer) must not give a file that cannot be opened again. */
static void
test_earlier_date (void)
{
  g_autoptr(PwWorkbook) workbook = new_workbook ();
  g_autoptr(PwWorkbook) loaded = NULL;
  PwPolicyItem *item = pw_policy_find_item (pw_workbook_get_policy (workbook), "crisis-plan");
  GPtrArray *changes;

  change (item, PW_POLICY_DRAFTING, NULL, "2026-03-01", "Ann");
  change (item, PW_POLICY_IN_PLACE, NULL, "2026-02-01", "Bob");
  g_assert_cmpint (pw_policy_item_get_status (item), ==, PW_POLICY_IN_PLACE);

  loaded = save_and_reopen (workbook);
  assert_same_policy (pw_workbook_get_policy (loaded), pw_workbook_get_policy (workbook));

  changes = pw_policy_item_get_changes (item);
  for (guint i = 1; i < changes->len; i++)
    g_assert_cmpstr (((PwPolicyChange *) g_ptr_array_index (changes, i - 1))->date, <=,
                     ((PwPolicyChange *) g_ptr_array_index (changes, i))->date);
  /* The history does not say it was in place before it was drafted */
  g_assert_cmpint (pw_policy_item_get_status_on (item, "2026-02-15"), ==, PW_POLICY_MISSING);
}

/* Whatever the model accepts, the file holds and the loader reads */
static void
test_long_texts (void)
{
  g_autoptr(PwWorkbook) workbook = new_workbook ();
  g_autoptr(PwWorkbook) loaded = NULL;
  PwPolicyItem *item = pw_policy_find_item (pw_workbook_get_policy (workbook), "accounts-security");
  GString *reason = g_string_new ("R");
  GString *name = g_string_new ("N");
  g_autofree char *reason_text = NULL;
  g_autofree char *name_text = NULL;
  const PwPolicyChange *last;

  for (guint i = 0; i < PW_MAX_TEXT_CHARS + 10; i++)
    g_string_append_c (reason, 'x');
  for (guint i = 0; i < PW_MAX_NAME_CHARS + 10; i++)
    g_string_append_c (name, i == 3 ? '\n' : 'y');
  reason_text = g_string_free (reason, FALSE);
  name_text = g_string_free (name, FALSE);

  change (item, PW_POLICY_NOT_APPLICABLE, reason_text, "2026-01-01", name_text);
  loaded = save_and_reopen (workbook);
  assert_same_policy (pw_workbook_get_policy (loaded), pw_workbook_get_policy (workbook));

  last = g_ptr_array_index (pw_policy_item_get_changes (item), 0);
  g_assert_cmpuint (g_utf8_strlen (pw_policy_item_get_reason (item), -1), ==, PW_MAX_TEXT_CHARS);
  g_assert_true (g_strcmp0 (last->reason, pw_policy_item_get_reason (item)) == 0);
  g_assert_cmpuint (g_utf8_strlen (last->by, -1), <=, PW_MAX_NAME_CHARS);
  g_assert_null (strchr (last->by, '\n'));

  /* An invisible reason of an item that may do without one is no reason */
  item = pw_policy_find_item (pw_workbook_get_policy (workbook), "legal-labor");
  change (item, PW_POLICY_NOT_APPLICABLE, " \u200B ", "2026-01-01", NULL);
  g_assert_null (pw_policy_item_get_reason (item));
  g_assert_null (((PwPolicyChange *) g_ptr_array_index (pw_policy_item_get_changes (item), 0))->reason);
}

/* ------------------------------------------------------------------------
 * The governance cap, as of the assessment's date
 */

static void
assert_cap_items (const PwDimensionScore *result,
                  const char * const     *ids)
{
  g_assert_true (result->capped);
  g_assert_nonnull (result->cap_items);
  if (!g_strv_equal ((const char * const *) result->cap_items, ids))
    {
      g_autofree char *got = g_strjoinv (", ", result->cap_items);
      g_autofree char *want = g_strjoinv (", ", (char **) ids);

      g_error ("cap items: %s, expected %s", got, want);
    }
}

static void
test_cap_as_of_date (void)
{
  g_autoptr(PwWorkbook) workbook = new_workbook ();
  PwPolicy *policy = pw_workbook_get_policy (workbook);
  g_autoptr(PwDimensionScore) baseline = NULL;
  g_autoptr(PwDimensionScore) review = NULL;
  g_autoptr(PwDimensionScore) later = NULL;
  g_autoptr(PwDimensionScore) again = NULL;
  const char * const crisis_only[] = { "crisis-plan", NULL };

  /* Nothing in place: capped, all nine core items named */
  baseline = governance_on (policy, "2025-10-14");
  assert_cap_items (baseline, core_ids);
  g_assert_cmpint (baseline->phase, ==, PW_CAP_PHASE);
  g_assert_cmpfloat (baseline->raw_score, ==, 5.0);
  g_clear_pointer (&baseline, pw_dimension_score_free);

  for (guint i = 0; core_ids[i] != NULL; i++)
    change (pw_policy_find_item (policy, core_ids[i]), PW_POLICY_IN_PLACE, NULL, "2026-01-01",
            "Ann");

  /* The baseline is still capped: on its day nothing was in place */
  baseline = governance_on (policy, "2025-10-14");
  assert_cap_items (baseline, core_ids);
  /* …the day before the changes too; on their day, no more */
  again = governance_on (policy, "2025-12-31");
  g_assert_true (again->capped);
  g_clear_pointer (&again, pw_dimension_score_free);
  again = governance_on (policy, "2026-01-01");
  g_assert_false (again->capped);
  g_clear_pointer (&again, pw_dimension_score_free);

  review = governance_on (policy, "2026-02-01");
  g_assert_false (review->capped);
  g_assert_null (review->cap_items);
  g_assert_cmpint (review->phase, ==, 5);
  g_assert_cmpfloat (review->score, ==, 5.0);

  /* The crisis plan goes back to drafting in March: capped from then on,
   * February's result stays as it was */
  change (pw_policy_find_item (policy, "crisis-plan"), PW_POLICY_DRAFTING, NULL, "2026-03-01",
          "Ann");
  later = governance_on (policy, "2026-06-01");
  assert_cap_items (later, crisis_only);
  g_assert_nonnull (strstr (later->cap_reason,
                            pw_policy_item_get_title (pw_policy_find_item (policy, "crisis-plan"))));
  g_clear_pointer (&review, pw_dimension_score_free);
  review = governance_on (policy, "2026-02-01");
  g_assert_false (review->capped);

  /* …and lifts again when it is back in place */
  change (pw_policy_find_item (policy, "crisis-plan"), PW_POLICY_IN_PLACE, NULL, "2026-05-01",
          "Ann");
  g_clear_pointer (&later, pw_dimension_score_free);
  later = governance_on (policy, "2026-06-01");
  g_assert_false (later->capped);
  again = governance_on (policy, "2026-04-01");
  assert_cap_items (again, crisis_only);
}

static void
test_waivers (void)
{
  g_autoptr(PwWorkbook) workbook = new_workbook ();
  PwPolicy *policy = pw_workbook_get_policy (workbook);
  PwPolicyItem *security = pw_policy_find_item (policy, "accounts-security");
  g_autoptr(PwDimensionScore) before = NULL;
  g_autoptr(PwDimensionScore) after = NULL;
  g_autoptr(PwDimensionScore) capped = NULL;
  g_autofree char *text = NULL;
  g_autofree char *capped_text = NULL;
  const char * const missing[] = { "crisis-plan", NULL };

  for (guint i = 0; core_ids[i] != NULL; i++)
    if (!g_str_equal (core_ids[i], "accounts-security"))
      change (pw_policy_find_item (policy, core_ids[i]), PW_POLICY_IN_PLACE, NULL, "2026-01-01",
              NULL);
  change (security, PW_POLICY_NOT_APPLICABLE, "We run no accounts of our own", "2026-01-01",
          NULL);

  after = governance_on (policy, "2026-02-01");
  g_assert_false (after->capped);
  g_assert_nonnull (after->waivers);
  g_assert_nonnull (strstr (after->waivers, pw_policy_item_get_title (security)));
  g_assert_nonnull (strstr (after->waivers, "We run no accounts of our own"));
  text = pw_result_text_cap (after);
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, "We run no accounts of our own"));

  /* Before the day it was marked, it was not waived */
  before = governance_on (policy, "2025-12-01");
  g_assert_true (before->capped);
  g_assert_null (before->waivers);

  /* With the cap on, the waivers follow its reason */
  change (pw_policy_find_item (policy, "crisis-plan"), PW_POLICY_DRAFTING, NULL, "2026-03-01",
          NULL);
  capped = governance_on (policy, "2026-04-01");
  assert_cap_items (capped, missing);
  capped_text = pw_result_text_cap (capped);
  g_assert_nonnull (strstr (capped_text, pw_policy_item_get_title (pw_policy_find_item (policy,
                                                                                         "crisis-plan"))));
  g_assert_nonnull (strstr (capped_text, "We run no accounts of our own"));
}

/* ------------------------------------------------------------------------
 * A core item that does not apply needs a reason
 */

static void
test_core_reason_model (void)
{
  g_autoptr(PwWorkbook) workbook = new_workbook ();
  PwPolicyItem *item = pw_policy_find_item (pw_workbook_get_policy (workbook), "crisis-plan");
  const char *reasons[] = { NULL, "", "  ", "\u200B", "\t\u200D\u2060 \u00A0\n", "\u3164" };
  GPtrArray *changes;

  g_assert_true (pw_policy_item_get_core (item));
  change (item, PW_POLICY_DRAFTING, NULL, "2026-01-01", "Ann");
  changes = pw_policy_item_get_changes (item);
  pw_workbook_set_modified (workbook, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    {
      g_autoptr(GError) error = NULL;

      if (pw_policy_item_change_status (item, PW_POLICY_NOT_APPLICABLE, reasons[i], "2026-02-01",
                                        "Ann", &error))
        g_error ("a core item was marked not applicable with the reason “%s”",
                 reasons[i] ? reasons[i] : "(null)");
      g_assert_error (error, PW_ERROR, PW_ERROR_INVALID);
      g_assert_cmpint (pw_policy_item_get_status (item), ==, PW_POLICY_DRAFTING);
      g_assert_true (pw_policy_item_get_changes (item) == changes);
      g_assert_cmpuint (changes->len, ==, 1);
      g_assert_false (pw_workbook_get_modified (workbook));
    }

  /* A visible reason is enough */
  change (item, PW_POLICY_NOT_APPLICABLE, " \u200B No crises here", "2026-02-01", "Ann");
  g_assert_cmpint (pw_policy_item_get_status (item), ==, PW_POLICY_NOT_APPLICABLE);
}

static void
assert_load_refused (JsonNode   *root,
                     const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwWorkbook) loaded = load_json (root, &error);
  g_autofree char *expected = g_strconcat (path, ": A core item marked not applicable needs a reason",
                                           NULL);

  g_assert_null (loaded);
  g_assert_nonnull (error);
  if (strstr (error->message, expected) == NULL)
    g_error ("expected “%s” in: %s", expected, error->message);
}

static void
test_core_reason_loader (void)
{
  g_autoptr(PwWorkbook) workbook = new_workbook ();
  g_autoptr(PwPolicyItem) custom = pw_policy_item_new ("custom-1", TRUE);
  const char *reasons[] = { NULL, "", "  ", "\u200B" };

  pw_policy_item_set_category (custom, "scope");
  pw_policy_item_set_title (custom, "Influencer contracts");
  pw_policy_item_set_core (custom, TRUE);
  pw_policy_add_custom_item (pw_workbook_get_policy (workbook), custom);

  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    {
      g_autoptr(JsonNode) root = to_json (workbook);
      JsonObject *policy = policy_object (root);
      JsonObject *state = json_object_new ();
      JsonObject *custom_object;

      json_object_set_string_member (state, "status", "not-applicable");
      if (reasons[i] != NULL)
        json_object_set_string_member (state, "reason", reasons[i]);
      json_object_set_object_member (json_object_get_object_member (policy, "items"),
                                     "crisis-plan", state);
      assert_load_refused (root, "$.policy.items.crisis-plan.reason");

      json_object_remove_member (json_object_get_object_member (policy, "items"), "crisis-plan");
      custom_object = json_array_get_object_element (json_object_get_array_member (policy,
                                                                                   "custom_items"),
                                                     0);
      json_object_set_string_member (custom_object, "status", "not-applicable");
      if (reasons[i] != NULL)
        json_object_set_string_member (custom_object, "reason", reasons[i]);
      assert_load_refused (root, "$.policy.custom_items[0].reason");
    }

  /* With a reason, both load */
  {
    g_autoptr(JsonNode) root = to_json (workbook);
    JsonObject *policy = policy_object (root);
    JsonObject *state = json_object_new ();
    g_autoptr(GError) error = NULL;
    g_autoptr(PwWorkbook) loaded = NULL;

    json_object_set_string_member (state, "status", "not-applicable");
    json_object_set_string_member (state, "reason", "No crises here");
    json_object_set_object_member (json_object_get_object_member (policy, "items"),
                                   "crisis-plan", state);
    loaded = load_json (root, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (pw_policy_item_get_reason (pw_policy_find_item (pw_workbook_get_policy (loaded),
                                                                     "crisis-plan")),
                     ==, "No crises here");
  }
}

static void
test_set_core_refused (void)
{
  g_autoptr(PwWorkbook) workbook = new_workbook ();
  g_autoptr(PwPolicyItem) custom = pw_policy_item_new ("custom-1", TRUE);

  pw_policy_item_set_category (custom, "scope");
  pw_policy_item_set_title (custom, "Influencer contracts");
  pw_policy_add_custom_item (pw_workbook_get_policy (workbook), custom);
  change (custom, PW_POLICY_NOT_APPLICABLE, NULL, "2026-01-01", NULL);

  g_assert_false (pw_policy_item_set_core (custom, TRUE));
  g_assert_false (pw_policy_item_get_core (custom));

  change (custom, PW_POLICY_NOT_APPLICABLE, "No influencers", "2026-01-02", NULL);
  g_assert_true (pw_policy_item_set_core (custom, TRUE));
  g_assert_true (pw_policy_item_get_core (custom));
}

/* ------------------------------------------------------------------------
 * Undo and redo
 */

typedef struct
{
  PwWorkbook *workbook;
  PwPolicy   *policy;
  PwHistory  *history;
  PwRecorder *recorder;
  gint64      now;
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
  fixture->workbook = new_workbook ();
  fixture->policy = pw_workbook_get_policy (fixture->workbook);
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

static GPtrArray *
copy_changes (PwPolicyItem *item)
{
  GPtrArray *changes = pw_policy_item_get_changes (item);
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) pw_policy_change_free);

  for (guint i = 0; i < changes->len; i++)
    g_ptr_array_add (copy, pw_policy_change_copy (g_ptr_array_index (changes, i)));

  return copy;
}

static void
test_undo_status (Fixture       *fixture,
                  gconstpointer  user_data)
{
  PwPolicyItem *item = pw_policy_find_item (fixture->policy, "crisis-plan");
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;

  change (item, PW_POLICY_DRAFTING, NULL, "2026-01-01", "Ann");
  fixture->now += 10 * G_USEC_PER_SEC;
  before = copy_changes (item);
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 1);

  change (item, PW_POLICY_NOT_APPLICABLE, "No crises here", "2026-02-01", "Ann");
  after = copy_changes (item);
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 2);

  g_assert_true (pw_history_undo (fixture->history));
  g_assert_cmpint (pw_policy_item_get_status (item), ==, PW_POLICY_DRAFTING);
  g_assert_null (pw_policy_item_get_reason (item));
  assert_same_changes (pw_policy_item_get_changes (item), before, "after undo");
  g_assert_true (pw_workbook_get_modified (fixture->workbook));

  g_assert_true (pw_history_redo (fixture->history));
  g_assert_cmpint (pw_policy_item_get_status (item), ==, PW_POLICY_NOT_APPLICABLE);
  g_assert_cmpstr (pw_policy_item_get_reason (item), ==, "No crises here");
  assert_same_changes (pw_policy_item_get_changes (item), after, "after redo");

  /* Both undone: no history at all, as at the start */
  g_assert_true (pw_history_undo (fixture->history));
  g_assert_true (pw_history_undo (fixture->history));
  g_assert_cmpint (pw_policy_item_get_status (item), ==, PW_POLICY_MISSING);
  g_assert_cmpuint (pw_policy_item_get_changes (item)->len, ==, 0);
  g_assert_false (pw_history_get_can_undo (fixture->history));

  /* A refused change is no step */
  g_assert_false (pw_policy_item_change_status (item, PW_POLICY_NOT_APPLICABLE, "", "2026-01-01",
                                                NULL, NULL));
  g_assert_false (pw_history_get_can_undo (fixture->history));
}

static void
test_undo_owner (Fixture       *fixture,
                 gconstpointer  user_data)
{
  PwPolicyItem *item = pw_policy_find_item (fixture->policy, "crisis-plan");
  const char *typed = "Press office";

  for (gsize i = 1; i <= strlen (typed); i++)
    {
      g_autofree char *text = g_strndup (typed, i);

      pw_policy_item_set_owner (item, text);
      fixture->now += G_USEC_PER_SEC / 5;
    }
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 1);

  g_assert_true (pw_history_undo (fixture->history));
  g_assert_null (pw_policy_item_get_owner (item));
  g_assert_true (pw_history_redo (fixture->history));
  g_assert_cmpstr (pw_policy_item_get_owner (item), ==, typed);
}

static char *
list_item_ids (PwPolicy *policy)
{
  GListModel *items = pw_policy_get_items (policy);
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(PwPolicyItem) item = g_list_model_get_item (items, i);

      if (pw_policy_item_get_custom (item))
        g_string_append_printf (ids, "%s%s:%s", ids->len ? " " : "", pw_policy_item_get_id (item),
                                pw_policy_item_get_category (item));
    }

  return g_string_free (ids, FALSE);
}

static char *
list_category_ids (PwPolicy *policy)
{
  GListModel *categories = pw_policy_get_custom_categories (policy);
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(PwCustomCategory) category = g_list_model_get_item (categories, i);

      g_string_append_printf (ids, "%s%s", ids->len ? " " : "", pw_custom_category_get_id (category));
    }

  return g_string_free (ids, FALSE);
}

static PwPolicyItem *
add_custom (PwPolicy   *policy,
            const char *category,
            const char *title)
{
  g_autofree char *id = pw_policy_new_custom_id (policy);
  g_autoptr(PwPolicyItem) item = pw_policy_item_new (id, TRUE);

  pw_policy_item_set_category (item, category);
  pw_policy_item_set_title (item, title);
  pw_policy_add_custom_item (policy, item);

  return item;
}

static PwCustomCategory *
add_category (PwPolicy   *policy,
              const char *name)
{
  g_autofree char *id = pw_policy_new_custom_category_id (policy);
  g_autoptr(PwCustomCategory) category = pw_custom_category_new (id, name);

  pw_policy_add_custom_category (policy, category);

  return category;
}

#define ASSERT_IDS(list, expected) \
  G_STMT_START { \
    g_autofree char *ids_ = (list); \
    g_assert_cmpstr (ids_, ==, (expected)); \
  } G_STMT_END

static void
test_undo_custom (Fixture       *fixture,
                  gconstpointer  user_data)
{
  PwPolicy *policy = fixture->policy;
  PwCustomCategory *stores, *events;
  PwPolicyItem *first, *second;
  guint n_items = g_list_model_get_n_items (pw_policy_get_items (policy));

  /* Adding an item is one step; undo takes it away */
  first = add_custom (policy, "scope", "Influencer contracts");
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 1);
  g_assert_true (pw_history_undo (fixture->history));
  g_assert_null (pw_policy_find_item (policy, "custom-1"));
  g_assert_cmpuint (g_list_model_get_n_items (pw_policy_get_items (policy)), ==, n_items);
  g_assert_true (pw_history_redo (fixture->history));
  g_assert_true (pw_policy_find_item (policy, "custom-1") == first);

  stores = add_category (policy, "Retail stores");
  events = add_category (policy, "Events");
  second = add_custom (policy, pw_custom_category_get_id (stores), "Shop windows");
  add_custom (policy, "scope", "Staff accounts");
  add_custom (policy, pw_custom_category_get_id (stores), "Store managers");
  add_custom (policy, pw_custom_category_get_id (events), "Event photos");
  ASSERT_IDS (list_item_ids (policy),
              "custom-1:scope custom-2:custom-category-1 custom-3:scope "
              "custom-4:custom-category-1 custom-5:custom-category-2");
  fixture->now += 10 * G_USEC_PER_SEC;

  /* Removing a category takes its items, in one step; undo brings all back in their places */
  {
    guint n_undo = pw_history_get_n_undo (fixture->history);

    pw_policy_remove_custom_category (policy, stores);
    g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, n_undo + 1);
  }
  ASSERT_IDS (list_item_ids (policy), "custom-1:scope custom-3:scope custom-5:custom-category-2");
  ASSERT_IDS (list_category_ids (policy), "custom-category-2");
  g_assert_null (pw_policy_find_item (policy, "custom-2"));

  g_assert_true (pw_history_undo (fixture->history));
  ASSERT_IDS (list_item_ids (policy),
              "custom-1:scope custom-2:custom-category-1 custom-3:scope "
              "custom-4:custom-category-1 custom-5:custom-category-2");
  ASSERT_IDS (list_category_ids (policy), "custom-category-1 custom-category-2");
  g_assert_true (pw_policy_find_item (policy, "custom-2") == second);
  g_assert_cmpstr (pw_policy_get_category_name (policy, "custom-category-1"), ==, "Retail stores");

  g_assert_true (pw_history_redo (fixture->history));
  ASSERT_IDS (list_item_ids (policy), "custom-1:scope custom-3:scope custom-5:custom-category-2");
  g_assert_true (pw_history_undo (fixture->history));
  fixture->now += 10 * G_USEC_PER_SEC;

  /* Moving an item: one step */
  pw_policy_move_custom_item (policy, first, NULL);
  ASSERT_IDS (list_item_ids (policy),
              "custom-2:custom-category-1 custom-3:scope "
              "custom-4:custom-category-1 custom-5:custom-category-2 custom-1:scope");
  g_assert_true (pw_history_undo (fixture->history));
  ASSERT_IDS (list_item_ids (policy),
              "custom-1:scope custom-2:custom-category-1 custom-3:scope "
              "custom-4:custom-category-1 custom-5:custom-category-2");
  g_assert_true (pw_history_redo (fixture->history));
  g_assert_true (pw_history_undo (fixture->history));
  fixture->now += 10 * G_USEC_PER_SEC;

  /* Moving a category: one step */
  pw_policy_move_custom_category (policy, events, 0);
  ASSERT_IDS (list_category_ids (policy), "custom-category-2 custom-category-1");
  g_assert_true (pw_history_undo (fixture->history));
  ASSERT_IDS (list_category_ids (policy), "custom-category-1 custom-category-2");
  g_assert_true (pw_history_redo (fixture->history));
  ASSERT_IDS (list_category_ids (policy), "custom-category-2 custom-category-1");
}

/* ------------------------------------------------------------------------
 * Custom items and categories, unknown members, old files
 */

static void
test_custom_round_trip (void)
{
  g_autoptr(PwWorkbook) workbook = new_workbook ();
  g_autoptr(PwWorkbook) loaded = NULL;
  PwPolicy *policy = pw_workbook_get_policy (workbook);
  PwCustomCategory *stores = add_category (policy, "Retail stores 🛍");
  PwCustomCategory *events = add_category (policy, "Events");
  PwPolicyItem *core;

  add_custom (policy, pw_custom_category_get_id (events), "Event photos");
  add_custom (policy, "scope", "Staff accounts");
  core = add_custom (policy, pw_custom_category_get_id (stores), "Store managers");
  pw_policy_item_set_core (core, TRUE);
  change (core, PW_POLICY_NOT_APPLICABLE, "No stores yet", "2026-01-01", "Ann");
  pw_policy_move_custom_category (policy, events, 0);
  pw_policy_move_custom_item (policy, core, pw_policy_find_item (policy, "custom-1"));

  loaded = save_and_reopen (workbook);
  assert_same_policy (pw_workbook_get_policy (loaded), policy);
  g_assert_false (pw_workbook_get_modified (loaded));
  ASSERT_IDS (list_category_ids (pw_workbook_get_policy (loaded)),
              "custom-category-2 custom-category-1");
  ASSERT_IDS (list_item_ids (pw_workbook_get_policy (loaded)),
              "custom-3:custom-category-1 custom-1:custom-category-2 custom-2:scope");
  g_assert_cmpstr (pw_policy_get_category_name (pw_workbook_get_policy (loaded),
                                                "custom-category-1"), ==, "Retail stores 🛍");
}

static void
test_unknown_members (void)
{
  g_autoptr(PwWorkbook) workbook = new_workbook ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PwWorkbook) loaded = NULL;
  g_autoptr(JsonNode) saved_root = NULL;
  PwPolicy *policy = pw_workbook_get_policy (workbook);
  JsonObject *object, *history_entry, *category, *custom, *state;
  PwPolicyItem *item;

  add_category (policy, "Retail stores");
  item = add_custom (policy, "custom-category-1", "Store managers");
  change (item, PW_POLICY_DRAFTING, NULL, "2026-01-01", "Ann");
  change (pw_policy_find_item (policy, "crisis-plan"), PW_POLICY_DRAFTING, NULL, "2026-01-01",
          "Ann");

  root = to_json (workbook);
  object = policy_object (root);
  json_object_set_string_member (object, "x_policy", "kept");
  state = json_object_get_object_member (json_object_get_object_member (object, "items"),
                                         "crisis-plan");
  json_object_set_string_member (state, "x_state", "kept");
  history_entry = json_array_get_object_element (json_object_get_array_member (state, "history"), 0);
  json_object_set_string_member (history_entry, "x_change", "kept");
  category = json_array_get_object_element (json_object_get_array_member (object,
                                                                          "custom_categories"), 0);
  json_object_set_string_member (category, "x_category", "kept");
  custom = json_array_get_object_element (json_object_get_array_member (object, "custom_items"), 0);
  json_object_set_string_member (custom, "x_custom", "kept");
  history_entry = json_array_get_object_element (json_object_get_array_member (custom, "history"), 0);
  json_object_set_int_member (history_entry, "x_change_count", 7);

  loaded = load_json (root, &error);
  g_assert_no_error (error);

  /* Undo-able edits in between do not lose them either */
  change (pw_policy_find_item (pw_workbook_get_policy (loaded), "crisis-plan"), PW_POLICY_IN_PLACE,
          NULL, "2026-02-01", "Ann");
  saved_root = to_json (loaded);
  object = policy_object (saved_root);
  g_assert_cmpstr (json_object_get_string_member (object, "x_policy"), ==, "kept");
  state = json_object_get_object_member (json_object_get_object_member (object, "items"),
                                         "crisis-plan");
  g_assert_cmpstr (json_object_get_string_member (state, "x_state"), ==, "kept");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (state, "history")), ==, 2);
  history_entry = json_array_get_object_element (json_object_get_array_member (state, "history"), 0);
  g_assert_cmpstr (json_object_get_string_member (history_entry, "x_change"), ==, "kept");
  category = json_array_get_object_element (json_object_get_array_member (object,
                                                                          "custom_categories"), 0);
  g_assert_cmpstr (json_object_get_string_member (category, "x_category"), ==, "kept");
  custom = json_array_get_object_element (json_object_get_array_member (object, "custom_items"), 0);
  g_assert_cmpstr (json_object_get_string_member (custom, "x_custom"), ==, "kept");
  history_entry = json_array_get_object_element (json_object_get_array_member (custom, "history"), 0);
  g_assert_cmpint (json_object_get_int_member (history_entry, "x_change_count"), ==, 7);

  g_clear_object (&loaded);
  loaded = save_and_reopen (workbook);
}

/* A file from before the history: statuses, no history, no history_since */
static void
test_old_workbook (void)
{
  g_autoptr(PwWorkbook) workbook = new_workbook ();
  g_autoptr(JsonNode) root = to_json (workbook);
  g_autoptr(GError) error = NULL;
  g_autoptr(PwWorkbook) loaded = NULL;
  g_autoptr(PwWorkbook) reopened = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  JsonObject *policy = policy_object (root);
  JsonObject *items = json_object_get_object_member (policy, "items");
  JsonObject *state;
  PwPolicy *loaded_policy;
  PwPolicyItem *item;
  g_autoptr(PwDimensionScore) result = NULL;

  json_object_remove_member (policy, "history_since");
  for (guint i = 0; core_ids[i] != NULL; i++)
    {
      state = json_object_new ();
      json_object_set_string_member (state, "status", "in-place");
      json_object_set_object_member (items, core_ids[i], state);
    }
  state = json_object_new ();
  json_object_set_string_member (state, "status", "not-applicable");
  json_object_set_string_member (state, "reason", "Works council");
  json_object_set_object_member (items, "legal-labor", state);

  loaded = load_json (root, &error);
  g_assert_no_error (error);
  loaded_policy = pw_workbook_get_policy (loaded);

  /* Known from the day it was opened */
  g_assert_cmpstr (pw_policy_get_history_since (loaded_policy), ==, today);
  item = pw_policy_find_item (loaded_policy, "crisis-plan");
  g_assert_cmpuint (pw_policy_item_get_changes (item)->len, ==, 0);
  g_assert_cmpint (pw_policy_item_get_status_on (item, "1990-01-01"), ==, PW_POLICY_IN_PLACE);
  g_assert_cmpstr (pw_policy_item_get_reason_on (pw_policy_find_item (loaded_policy, "legal-labor"),
                                                 "1990-01-01"), ==, "Works council");

  /* …so an old assessment is not capped by a checklist it had */
  result = governance_on (loaded_policy, "2019-05-01");
  g_assert_false (result->capped);

  /* A change now: the day before, the status from the file */
  change (item, PW_POLICY_DRAFTING, NULL, today, "Ann");
  g_assert_cmpint (pw_policy_item_get_status_on (item, "1990-01-01"), ==, PW_POLICY_IN_PLACE);
  g_assert_cmpint (pw_policy_item_get_status_on (item, today), ==, PW_POLICY_DRAFTING);

  reopened = save_and_reopen (loaded);
  g_assert_cmpstr (pw_policy_get_history_since (pw_workbook_get_policy (reopened)), ==, today);
  assert_same_policy (pw_workbook_get_policy (reopened), loaded_policy);
}

/* ------------------------------------------------------------------------
 * CSV export
 */

static GPtrArray *
export_and_read (PwPolicy *policy)
{
  g_autofree char *dir = pw_test_make_tmp_dir ("test-policy-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "policy.csv", NULL);
  GDate today;
  g_autoptr(GBytes) csv = NULL;
  GPtrArray *rows;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, G_DATE_JUNE, 2026);
  csv = pw_policy_to_csv (policy, &today);
  pw_test_write_bytes (path, csv);
  rows = pw_test_read_csv (path);
  pw_test_remove_tree (dir);

  return rows;
}

/* What a cell holding @value reads: a formula made inert */
static char *
inert (const char *value)
{
  if (value == NULL)
    return g_strdup ("");
  if (value[0] != '\0' && strchr ("=+-@\t\r", value[0]) != NULL)
    return g_strconcat ("'", value, NULL);
  return g_strdup (value);
}

static void
assert_cell (GPtrArray  *rows,
             guint       row,
             guint       column,
             const char *value)
{
  g_autofree char *expected = inert (value);
  const char *got = pw_test_csv_cell (rows, row, column);

  if (g_strcmp0 (got, expected) != 0)
    g_error ("row %u, column %u: “%s”, expected “%s”", row, column,
             strlen (got) > 200 ? "(long)" : got, strlen (expected) > 200 ? "(long)" : expected);
}

static void
test_csv_hostile (void)
{
  g_autoptr(PwWorkbook) workbook = new_workbook ();
  PwPolicy *policy = pw_workbook_get_policy (workbook);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) ordered = NULL;
  GString *long_note = g_string_new (NULL);
  const char *hostile[] = {
    "=HYPERLINK(\"http://x.invalid\",\"click\")",
    "+1+1",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1",
    "\r=1",
    "say \"hi\", then, go",
    "two\nlines\r\nand \"quotes\"",
    "🙂 emoji 👩‍👩‍👧",
    "سياسة وسائل التواصل",
    "e\u0301 n\u0303 a\u030a\u0323",
    " =leading space is no formula",
  };
  PwPolicyItem *custom;
  guint n = 0;

  for (guint i = 0; i < PW_MAX_TEXT_CHARS; i++)
    g_string_append_c (long_note, "ab\"c,\n"[i % 6]);

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      custom = add_custom (policy, "scope", hostile[i]);
      pw_policy_item_set_owner (custom, hostile[(i + 1) % G_N_ELEMENTS (hostile)]);
      pw_policy_item_set_note (custom, hostile[(i + 2) % G_N_ELEMENTS (hostile)]);
      pw_policy_item_set_link (custom, hostile[(i + 3) % G_N_ELEMENTS (hostile)]);
    }
  custom = pw_policy_find_item (policy, "crisis-plan");
  pw_policy_item_set_note (custom, long_note->str);
  pw_policy_item_set_owner (custom, "=cmd|' /C calc'!A0");
  g_string_free (long_note, TRUE);

  /* The setters cut and join lines as the file needs; the CSV holds what they kept */
  rows = export_and_read (policy);
  ordered = pw_policy_get_ordered_items (policy);
  g_assert_cmpuint (rows->len, ==, ordered->len + 1);
  g_assert_cmpstr (pw_test_csv_cell (rows, 0, 0), ==, "Category");

  for (guint i = 0; i < ordered->len; i++)
    {
      PwPolicyItem *item = g_ptr_array_index (ordered, i);

      assert_cell (rows, i + 1, 1, pw_policy_item_get_title (item));
      assert_cell (rows, i + 1, 4, pw_policy_item_get_owner (item));
      assert_cell (rows, i + 1, 7, pw_policy_item_get_note (item));
      assert_cell (rows, i + 1, 8, pw_policy_item_get_link (item));
      if (g_str_equal (pw_policy_item_get_id (item), "crisis-plan"))
        {
          g_assert_cmpuint (g_utf8_strlen (pw_test_csv_cell (rows, i + 1, 7), -1), ==, PW_MAX_TEXT_CHARS);
          g_assert_cmpstr (pw_test_csv_cell (rows, i + 1, 4), ==, "'=cmd|' /C calc'!A0");
          n++;
        }
      if (g_strcmp0 (pw_policy_item_get_title (item), hostile[0]) == 0)
        {
          g_assert_cmpstr (pw_test_csv_cell (rows, i + 1, 1), ==,
                           "'=HYPERLINK(\"http://x.invalid\",\"click\")");
          n++;
        }
    }
  g_assert_cmpuint (n, ==, 2);

  /* No cell of the file starts a formula */
  for (guint r = 0; r < rows->len; r++)
    for (guint c = 0; c < 9; c++)
      {
        const char *value = pw_test_csv_cell (rows, r, c);

        if (value[0] != '\0' && strchr ("=+-@\t\r", value[0]) != NULL)
          g_error ("row %u, column %u starts with a formula: %s", r, c, value);
      }
}

static void
test_csv_order (void)
{
  g_autoptr(PwWorkbook) workbook = new_workbook ();
  PwPolicy *policy = pw_workbook_get_policy (workbook);
  PwFramework *framework = pw_policy_get_framework (policy);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) ordered = NULL;
  PwCustomCategory *stores = add_category (policy, "=Retail stores");
  PwCustomCategory *events = add_category (policy, "Events");
  const PwPolicyCategory *first_category = pw_framework_get_policy_category (framework, 0);
  guint n_builtin = 0;
  gint scope_custom = -1, last_builtin_of_first = -1;

  /* Custom items added out of display order */
  add_custom (policy, pw_custom_category_get_id (events), "Event photos");
  add_custom (policy, pw_custom_category_get_id (stores), "Store managers");
  add_custom (policy, first_category->id, "Staff accounts");
  pw_policy_move_custom_category (policy, events, 0);
  change (pw_policy_find_item (policy, "crisis-plan"), PW_POLICY_IN_PLACE, NULL, "2026-01-01",
          NULL);

  rows = export_and_read (policy);
  ordered = pw_policy_get_ordered_items (policy);
  g_assert_cmpuint (rows->len, ==, ordered->len + 1);
  g_assert_cmpuint (ordered->len, ==, g_list_model_get_n_items (pw_policy_get_items (policy)));

  for (guint i = 0; i < ordered->len; i++)
    {
      PwPolicyItem *item = g_ptr_array_index (ordered, i);
      const char *name = pw_policy_get_category_name (policy, pw_policy_item_get_category (item));

      assert_cell (rows, i + 1, 0, name);
      assert_cell (rows, i + 1, 1, pw_policy_item_get_title (item));
      if (!pw_policy_item_get_custom (item))
        n_builtin++;
      if (g_str_equal (pw_policy_item_get_category (item), first_category->id))
        {
          if (pw_policy_item_get_custom (item))
            scope_custom = (gint) i;
          else
            last_builtin_of_first = (gint) i;
        }
      if (g_str_equal (pw_policy_item_get_id (item), "crisis-plan"))
        g_assert_cmpstr (pw_test_csv_cell (rows, i + 1, 3), ==, "In place");
    }

  /* A custom item in a framework category follows that category's items */
  g_assert_cmpint (scope_custom, ==, last_builtin_of_first + 1);
  /* The custom categories last, in their order, names made inert */
  g_assert_cmpstr (pw_test_csv_cell (rows, rows->len - 2, 0), ==, "Events");
  g_assert_cmpstr (pw_test_csv_cell (rows, rows->len - 2, 1), ==, "Event photos");
  g_assert_cmpstr (pw_test_csv_cell (rows, rows->len - 1, 0), ==, "'=Retail stores");
  g_assert_cmpstr (pw_test_csv_cell (rows, rows->len - 1, 1), ==, "Store managers");
  g_assert_cmpuint (n_builtin + 3, ==, ordered->len);
}


static JsonObject *
history_entry (const char *date,
               const char *previous,
               const char *status)
{
  JsonObject *entry = json_object_new ();

  json_object_set_string_member (entry, "date", date);
  json_object_set_string_member (entry, "status", status);
  json_object_set_string_member (entry, "previous", previous);

  return entry;
}

/* A history that does not hold together is refused, naming the member */
static void
test_history_loader (void)
{
  const struct {
    const char *dates[2];
    const char *statuses[3];  /* previous of the first, status of each */
    const char *status;       /* the item's */
    const char *place;
    const char *message;
  } cases[] = {
    { { "2026-02-01", "2026-01-01" }, { "missing", "drafting", "in-place" }, "in-place",
      "$.policy.items.crisis-plan.history[1].date", "not in the order of its dates" },
    { { "2026-01-01", "2026-02-01" }, { "missing", "drafting", "in-place" }, "drafting",
      "$.policy.items.crisis-plan.status", "the last change in its history set" },
    { { "2026-01-01", "2026-01-01" }, { "missing", "drafting", "in-place" }, "in-place", NULL, NULL },
  };
  g_autoptr(PwWorkbook) workbook = new_workbook ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) root = to_json (workbook);
      JsonObject *state = json_object_new ();
      JsonArray *history = json_array_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(PwWorkbook) loaded = NULL;

      json_array_add_object_element (history, history_entry (cases[i].dates[0],
                                                              cases[i].statuses[0],
                                                              cases[i].statuses[1]));
      json_array_add_object_element (history, history_entry (cases[i].dates[1],
                                                              cases[i].statuses[1],
                                                              cases[i].statuses[2]));
      json_object_set_string_member (state, "status", cases[i].status);
      json_object_set_array_member (state, "history", history);
      json_object_set_object_member (json_object_get_object_member (policy_object (root), "items"),
                                     "crisis-plan", state);
      loaded = load_json (root, &error);
      if (cases[i].place == NULL)
        {
          g_assert_no_error (error);
          g_assert_cmpint (pw_policy_item_get_status_on (pw_policy_find_item (pw_workbook_get_policy (loaded),
                                                                              "crisis-plan"),
                                                         "2026-01-01"), ==, PW_POLICY_IN_PLACE);
          continue;
        }
      g_assert_null (loaded);
      g_assert_nonnull (error);
      if (strstr (error->message, cases[i].place) == NULL
          || strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u: expected “%s: …%s…” in: %s", i, cases[i].place, cases[i].message,
                 error->message);
    }

  /* previous is not the status of the change before */
  {
    g_autoptr(JsonNode) root = to_json (workbook);
    JsonObject *state = json_object_new ();
    JsonArray *history = json_array_new ();
    g_autoptr(GError) error = NULL;
    g_autoptr(PwWorkbook) loaded = NULL;

    json_array_add_object_element (history, history_entry ("2026-01-01", "missing", "drafting"));
    json_array_add_object_element (history, history_entry ("2026-02-01", "missing", "in-place"));
    json_object_set_string_member (state, "status", "in-place");
    json_object_set_array_member (state, "history", history);
    json_object_set_object_member (json_object_get_object_member (policy_object (root), "items"),
                                   "crisis-plan", state);
    loaded = load_json (root, &error);
    g_assert_null (loaded);
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "$.policy.items.crisis-plan.history[1].previous"));
  }

  /* Dates that are no days, statuses that are none, a name on two lines */
  {
    const char *bad[][3] = {
      { "date", "2026-02-30", "history[0].date" },
      { "date", "2026-1-01", "history[0].date" },
      { "date", "", "history[0].date" },
      { "status", "done", "history[0].status" },
      { "previous", "", "history[0].previous" },
      { "by", "Ann\nBob", "history[0].by" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(JsonNode) root = to_json (workbook);
        JsonObject *state = json_object_new ();
        JsonArray *history = json_array_new ();
        JsonObject *entry = history_entry ("2026-01-01", "missing", "drafting");
        g_autoptr(GError) error = NULL;
        g_autoptr(PwWorkbook) loaded = NULL;
        g_autofree char *place = g_strconcat ("$.policy.items.crisis-plan.", bad[i][2], ": ", NULL);

        json_object_set_string_member (entry, bad[i][0], bad[i][1]);
        json_array_add_object_element (history, entry);
        json_object_set_string_member (state, "status", "drafting");
        json_object_set_array_member (state, "history", history);
        json_object_set_object_member (json_object_get_object_member (policy_object (root), "items"),
                                       "crisis-plan", state);
        loaded = load_json (root, &error);
        g_assert_null (loaded);
        g_assert_nonnull (error);
        if (strstr (error->message, place) == NULL)
          g_error ("%s “%s”: expected “%s” in: %s", bad[i][0], bad[i][1], place, error->message);
      }
  }

  /* More than PW_POLICY_MAX_CHANGES: refused, not cut */
  {
    g_autoptr(JsonNode) root = to_json (workbook);
    JsonObject *state = json_object_new ();
    JsonArray *history = json_array_new ();
    g_autoptr(GError) error = NULL;
    g_autoptr(PwWorkbook) loaded = NULL;

    for (guint i = 0; i <= PW_POLICY_MAX_CHANGES; i++)
      {
        g_autofree char *date = day_after ("2000-01-01", i);

        json_array_add_object_element (history,
                                       history_entry (date, i % 2 ? "drafting" : "missing",
                                                      i % 2 ? "missing" : "drafting"));
      }
    json_object_set_string_member (state, "status", "drafting");
    json_object_set_array_member (state, "history", history);
    json_object_set_object_member (json_object_get_object_member (policy_object (root), "items"),
                                   "crisis-plan", state);
    loaded = load_json (root, &error);
    g_assert_null (loaded);
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "$.policy.items.crisis-plan.history"));
  }
}

static char *
join_ids (GPtrArray *items)
{
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    g_string_append_printf (ids, "%s%s", i ? " " : "",
                            pw_policy_item_get_id (g_ptr_array_index (items, i)));

  return g_string_free (ids, FALSE);
}

/* The worked example of docs/scoring.md: the bundled example workbook */
static void
test_larkspur (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  PwPolicy *policy = pw_workbook_get_policy (workbook);
  PwFramework *framework = pw_workbook_get_framework (workbook);
  PwAssessment *baseline = pw_workbook_find_assessment (workbook, "assessment-1");
  PwAssessment *review = pw_workbook_find_assessment (workbook, "assessment-2");
  g_autoptr(GPtrArray) missing_then = NULL;
  g_autoptr(GPtrArray) missing_now = NULL;
  g_autoptr(PwScore) baseline_score = NULL;
  g_autoptr(PwScore) review_score = NULL;
  const PwDimensionScore *result;
  const char * const holding[] = {
    "identity-endorsement", "accounts-security", "crisis-plan", "compliance-privacy", NULL
  };

  g_assert_cmpstr (pw_policy_get_history_since (policy), ==, "2025-09-01");
  g_assert_cmpstr (pw_assessment_get_date (baseline), ==, "2025-10-14");
  g_assert_cmpstr (pw_assessment_get_date (review), ==, "2026-10-20");

  missing_then = pw_policy_get_missing_core (policy, "2025-10-14");
  ASSERT_IDS (join_ids (missing_then),
              "scope-purpose identity-endorsement accounts-security crisis-plan compliance-privacy "
              "training-required enforcement-owner");
  missing_now = pw_policy_get_missing_core (policy, "2026-10-20");
  ASSERT_IDS (join_ids (missing_now),
              "identity-endorsement accounts-security crisis-plan compliance-privacy");

  /* The baseline's governance answers give 18 / 7 = 2.57, the nearest
   * phase 3: the cap holds nothing back below the top of phase 3 */
  baseline_score = pw_score_compute (framework, baseline, policy);
  result = pw_score_find_dimension (baseline_score, PW_GOVERNANCE_DIMENSION);
  g_assert_false (result->capped);
  g_assert_cmpfloat_with_epsilon (result->score, 18.0 / 7, 1e-9);
  g_assert_cmpint (result->phase, ==, 3);
  g_assert_null (result->waivers);

  /* The review's answers give 27 / 7 = 3.86, phase 4 by the nearest rule;
   * four core items hold it at 3.5, the top of phase 3 */
  review_score = pw_score_compute (framework, review, policy);
  result = pw_score_find_dimension (review_score, PW_GOVERNANCE_DIMENSION);
  assert_cap_items (result, holding);
  g_assert_cmpfloat_with_epsilon (result->raw_score, 27.0 / 7, 1e-9);
  g_assert_cmpfloat (result->score, ==, 3.5);
  g_assert_cmpint (result->phase, ==, 3);
}

/* A name or a title emptied in the editor: the file still reopens */
static void
test_emptied_names (void)
{
  g_autoptr(PwWorkbook) workbook = new_workbook ();
  g_autoptr(PwWorkbook) loaded = NULL;
  PwPolicy *policy = pw_workbook_get_policy (workbook);
  PwCustomCategory *category = add_category (policy, "Retail stores");
  PwPolicyItem *item = add_custom (policy, pw_custom_category_get_id (category), "Store managers");

  pw_custom_category_set_name (category, "");
  pw_policy_item_set_title (item, " ");
  loaded = save_and_reopen (workbook);
  /* …with the id standing in for what was emptied */
  g_assert_cmpstr (pw_policy_item_get_title (pw_policy_find_item (pw_workbook_get_policy (loaded),
                                                                  "custom-1")), ==, "custom-1");
  g_assert_cmpstr (pw_policy_get_category_name (pw_workbook_get_policy (loaded),
                                                "custom-category-1"), ==, "custom-category-1");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/phasewise/policy/modified-round-trip", test_modified_round_trip);
  g_test_add_func ("/phasewise/policy/same-day", test_same_day);
  g_test_add_func ("/phasewise/policy/same-day-not-applicable", test_same_day_not_applicable);
  g_test_add_func ("/phasewise/policy/two-people", test_two_people);
  g_test_add_func ("/phasewise/policy/limit", test_limit);
  g_test_add_func ("/phasewise/policy/status-on", test_status_on);
  g_test_add_func ("/phasewise/policy/earlier-date", test_earlier_date);
  g_test_add_func ("/phasewise/policy/long-texts", test_long_texts);
  g_test_add_func ("/phasewise/policy/cap-as-of-date", test_cap_as_of_date);
  g_test_add_func ("/phasewise/policy/waivers", test_waivers);
  g_test_add_func ("/phasewise/policy/larkspur", test_larkspur);
  g_test_add_func ("/phasewise/policy/core-reason-model", test_core_reason_model);
  g_test_add_func ("/phasewise/policy/core-reason-loader", test_core_reason_loader);
  g_test_add_func ("/phasewise/policy/set-core-refused", test_set_core_refused);
  g_test_add_func ("/phasewise/policy/history-loader", test_history_loader);
  g_test_add ("/phasewise/policy/undo-status", Fixture, NULL,
              fixture_set_up, test_undo_status, fixture_tear_down);
  g_test_add ("/phasewise/policy/undo-owner", Fixture, NULL,
              fixture_set_up, test_undo_owner, fixture_tear_down);
  g_test_add ("/phasewise/policy/undo-custom", Fixture, NULL,
              fixture_set_up, test_undo_custom, fixture_tear_down);
  g_test_add_func ("/phasewise/policy/custom-round-trip", test_custom_round_trip);
  g_test_add_func ("/phasewise/policy/unknown-members", test_unknown_members);
  g_test_add_func ("/phasewise/policy/old-workbook", test_old_workbook);
  g_test_add_func ("/phasewise/policy/emptied-names", test_emptied_names);
  g_test_add_func ("/phasewise/policy/csv-hostile", test_csv_hostile);
  g_test_add_func ("/phasewise/policy/csv-order", test_csv_order);

  return g_test_run ();
}
