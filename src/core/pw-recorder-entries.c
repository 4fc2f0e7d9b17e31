/* pw-recorder-entries.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-recorder"

#include "config.h"

#include "pw-policy-private.h"
#include "pw-recorder-private.h"

/*
 * The kinds of history entries that PwRecorder makes: an answer's state
 * before and after, a property's value before and after, a policy item's
 * status (with its reason and history) before and after, an object added
 * to or removed from a list at its place, a team or a link added to or
 * removed from the organization map at its place.
 */

/* ------------------------------------------------------------------------
 * Answers
 */

typedef struct
{
  PwHistoryEntry  parent;
  PwAssessment   *assessment;
  char           *question_id;
  PwAnswerState   before;
  PwAnswerState   after;
  PwAnswerChange  change;
} AnswerEntry;

void
_pw_answer_state_clear (PwAnswerState *state)
{
  g_clear_pointer (&state->note, g_free);
  g_clear_pointer (&state->evidence, g_free);
  state->kind = PW_ANSWER_NONE;
  state->phase = 0;
}

void
_pw_answer_state_free (PwAnswerState *state)
{
  _pw_answer_state_clear (state);
  g_free (state);
}

void
_pw_answer_state_set (PwAnswerState       *dest,
                      const PwAnswerState *src)
{
  char *note = g_strdup (src->note);
  char *evidence = g_strdup (src->evidence);

  _pw_answer_state_clear (dest);
  dest->kind = src->kind;
  dest->phase = src->phase;
  dest->note = note;
  dest->evidence = evidence;
}

void
_pw_answer_state_init (PwAnswerState *state,
                       PwAnswer    *answer)
{
  state->kind = pw_answer_get_kind (answer);
  state->phase = pw_answer_get_phase (answer);
  state->note = g_strdup (pw_answer_get_note (answer));
  state->evidence = g_strdup (pw_answer_get_evidence (answer));
}

/* NULL and "" are the same text: an emptied note is no note. */
gboolean
_pw_text_equal (const char *a,
                const char *b)
{
  return g_strcmp0 (a ? a : "", b ? b : "") == 0;
}

/* A string property's "" and NULL are the same too: a field emptied is no
 * change from a field never set. */
gboolean
_pw_property_values_equal (GParamSpec   *pspec,
                           const GValue *a,
                           const GValue *b)
{
  if (G_VALUE_HOLDS_STRING (a))
    return _pw_text_equal (g_value_get_string (a), g_value_get_string (b));

  /* A list of texts (a team's channels) is compared by its contents. */
  if (G_VALUE_HOLDS (a, G_TYPE_STRV))
    {
      const char * const empty[] = { NULL };
      const char * const *strv_a = g_value_get_boxed (a);
      const char * const *strv_b = g_value_get_boxed (b);

      return g_strv_equal (strv_a ? strv_a : empty, strv_b ? strv_b : empty);
    }

  /* The commentary of a report: a{ss}, which g_param_values_cmp() cannot order */
  if (G_VALUE_HOLDS_VARIANT (a))
    {
      GVariant *variant_a = g_value_get_variant (a);
      GVariant *variant_b = g_value_get_variant (b);

      if (variant_a == NULL || variant_b == NULL)
        return variant_a == variant_b;

      return g_variant_equal (variant_a, variant_b);
    }

  return g_param_values_cmp (pspec, a, b) == 0;
}

gboolean
_pw_answer_state_equal (const PwAnswerState *a,
                        const PwAnswerState *b)
{
  return a->kind == b->kind
         && a->phase == b->phase
         && _pw_text_equal (a->note, b->note)
         && _pw_text_equal (a->evidence, b->evidence);
}

PwAnswerChange
_pw_answer_state_classify (const PwAnswerState *before,
                           const PwAnswerState *after)
{
  gboolean note = !_pw_text_equal (before->note, after->note);
  gboolean evidence = !_pw_text_equal (before->evidence, after->evidence);

  if (before->kind != after->kind || before->phase != after->phase)
    return PW_ANSWER_CHANGE_CHOICE;
  if (note && !evidence)
    return PW_ANSWER_CHANGE_NOTE;
  if (evidence && !note)
    return PW_ANSWER_CHANGE_EVIDENCE;

  return PW_ANSWER_CHANGE_TEXTS;
}

static void
answer_entry_apply (PwHistoryEntry *entry,
                    gboolean        forward)
{
  AnswerEntry *self = (AnswerEntry *) entry;
  const PwAnswerState *state = forward ? &self->after : &self->before;
  PwAnswer *answer = pw_assessment_ensure_answer (self->assessment, self->question_id);

  /* One notification of each property changed, after all of them */
  g_object_freeze_notify (G_OBJECT (answer));
  pw_answer_set_kind (answer, state->kind);
  pw_answer_set_phase (answer, state->phase);
  pw_answer_set_note (answer, state->note);
  pw_answer_set_evidence (answer, state->evidence);
  g_object_thaw_notify (G_OBJECT (answer));
}

static gboolean
answer_entry_merge (PwHistoryEntry *entry,
                    PwHistoryEntry *next_entry)
{
  AnswerEntry *self = (AnswerEntry *) entry;
  AnswerEntry *next = (AnswerEntry *) next_entry;

  if ((next->change != PW_ANSWER_CHANGE_NOTE && next->change != PW_ANSWER_CHANGE_EVIDENCE)
      || next->change != self->change
      || next->assessment != self->assessment
      || !g_str_equal (next->question_id, self->question_id))
    return FALSE;

  _pw_answer_state_set (&self->after, &next->after);

  return TRUE;
}

static gboolean
answer_entry_is_empty (PwHistoryEntry *entry)
{
  AnswerEntry *self = (AnswerEntry *) entry;

  return _pw_answer_state_equal (&self->before, &self->after);
}

static void
answer_entry_finalize (PwHistoryEntry *entry)
{
  AnswerEntry *self = (AnswerEntry *) entry;

  g_clear_object (&self->assessment);
  g_clear_pointer (&self->question_id, g_free);
  _pw_answer_state_clear (&self->before);
  _pw_answer_state_clear (&self->after);
}

static const PwHistoryEntryClass answer_entry_class = {
  sizeof (AnswerEntry),
  answer_entry_apply,
  answer_entry_merge,
  answer_entry_is_empty,
  answer_entry_finalize,
};

/* ------------------------------------------------------------------------
 * Properties
 */

typedef struct
{
  PwHistoryEntry  parent;
  GObject        *object;
  GParamSpec     *pspec;
  GValue          before;
  GValue          after;
} PropertyEntry;

static void
property_entry_apply (PwHistoryEntry *entry,
                      gboolean        forward)
{
  PropertyEntry *self = (PropertyEntry *) entry;

  g_object_set_property (self->object, self->pspec->name, forward ? &self->after : &self->before);
}

/* The one key whose text differs between two a{ss}, or NULL when none or
 * several do */
static char *
changed_key (const GValue *before,
             const GValue *after)
{
  GVariant *variants[2] = { g_value_get_variant (before), g_value_get_variant (after) };
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) changed = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key;

  for (guint v = 0; v < 2; v++)
    {
      GVariantIter variant_iter;
      const char *id;
      const char *text;

      if (variants[v] == NULL)
        continue;

      g_variant_iter_init (&variant_iter, variants[v]);
      while (g_variant_iter_next (&variant_iter, "{&s&s}", &id, &text))
        {
          const char *known = g_hash_table_lookup (texts, id);

          if (v == 0)
            g_hash_table_replace (texts, g_strdup (id), g_strdup (text));
          else if (g_strcmp0 (known, text) != 0)
            g_hash_table_add (changed, (char *) g_intern_string (id));
          else
            g_hash_table_remove (texts, id);
        }
    }

  /* What the first held and the second no longer does */
  if (variants[1] != NULL)
    {
      g_hash_table_iter_init (&iter, texts);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (!g_variant_lookup (variants[1], key, "&s", NULL))
          g_hash_table_add (changed, (char *) g_intern_string (key));
    }

  if (g_hash_table_size (changed) != 1)
    return NULL;

  g_hash_table_iter_init (&iter, changed);
  g_hash_table_iter_next (&iter, &key, NULL);

  return g_strdup (key);
}

/* Consecutive changes of one property are typing in one field.  A switch
 * flipped is no typing: each flip is a step of its own. */
static gboolean
property_entry_merge (PwHistoryEntry *entry,
                      PwHistoryEntry *next_entry)
{
  PropertyEntry *self = (PropertyEntry *) entry;
  PropertyEntry *next = (PropertyEntry *) next_entry;

  if (next->object != self->object || next->pspec != self->pspec
      || G_PARAM_SPEC_VALUE_TYPE (self->pspec) == G_TYPE_BOOLEAN)
    return FALSE;

  /* The commentary of a report is one a{ss}: typing in one dimension's
   * merges, moving on to another's is a step of its own. */
  if (G_PARAM_SPEC_VALUE_TYPE (self->pspec) == G_TYPE_VARIANT)
    {
      g_autofree char *changed = changed_key (&self->before, &self->after);
      g_autofree char *next_changed = changed_key (&next->before, &next->after);

      if (changed == NULL || g_strcmp0 (changed, next_changed) != 0)
        return FALSE;
    }

  g_value_copy (&next->after, &self->after);

  return TRUE;
}

static gboolean
property_entry_is_empty (PwHistoryEntry *entry)
{
  PropertyEntry *self = (PropertyEntry *) entry;

  return _pw_property_values_equal (self->pspec, &self->before, &self->after);
}

static void
property_entry_finalize (PwHistoryEntry *entry)
{
  PropertyEntry *self = (PropertyEntry *) entry;

  g_clear_object (&self->object);
  g_clear_pointer (&self->pspec, g_param_spec_unref);
  g_value_unset (&self->before);
  g_value_unset (&self->after);
}

static const PwHistoryEntryClass property_entry_class = {
  sizeof (PropertyEntry),
  property_entry_apply,
  property_entry_merge,
  property_entry_is_empty,
  property_entry_finalize,
};

/* ------------------------------------------------------------------------
 * Assessments in the workbook
 */

typedef struct
{
  PwHistoryEntry  parent;
  PwWorkbook     *workbook;
  PwAssessment   *assessment;
  guint           position;
  gboolean        added;
} ListEntry;

static void
list_entry_apply (PwHistoryEntry *entry,
                  gboolean        forward)
{
  ListEntry *self = (ListEntry *) entry;

  if (self->added == forward)
    pw_workbook_insert_assessment (self->workbook, self->position, self->assessment);
  else
    pw_workbook_remove_assessment (self->workbook, self->assessment);
}

static void
list_entry_finalize (PwHistoryEntry *entry)
{
  ListEntry *self = (ListEntry *) entry;

  g_clear_object (&self->workbook);
  g_clear_object (&self->assessment);
}

static const PwHistoryEntryClass list_entry_class = {
  sizeof (ListEntry),
  list_entry_apply,
  NULL,
  NULL,
  list_entry_finalize,
};

/* ------------------------------------------------------------------------
 * Report drafts in the workbook
 */

typedef struct
{
  PwHistoryEntry  parent;
  PwWorkbook     *workbook;
  PwReportDraft  *report;
  gboolean        added;
} ReportListEntry;

static void
report_list_entry_apply (PwHistoryEntry *entry,
                         gboolean        forward)
{
  ReportListEntry *self = (ReportListEntry *) entry;

  if (self->added == forward)
    {
      if (pw_workbook_find_report (self->workbook, pw_report_draft_get_id (self->report)) == NULL)
        pw_workbook_add_report (self->workbook, self->report);
    }
  else
    pw_workbook_remove_report (self->workbook, self->report);
}

static void
report_list_entry_finalize (PwHistoryEntry *entry)
{
  ReportListEntry *self = (ReportListEntry *) entry;

  g_clear_object (&self->workbook);
  g_clear_object (&self->report);
}

static const PwHistoryEntryClass report_list_entry_class = {
  sizeof (ReportListEntry),
  report_list_entry_apply,
  NULL,
  NULL,
  report_list_entry_finalize,
  TRUE,
};

/* ------------------------------------------------------------------------
 * The status of a policy item
 */

void
_pw_status_state_init (PwStatusState *state,
                       PwPolicyItem  *item)
{
  state->status = pw_policy_item_get_status (item);
  state->reason = g_strdup (pw_policy_item_get_reason (item));
  state->changes = g_ptr_array_ref (pw_policy_item_get_changes (item));
}

void
_pw_status_state_clear (PwStatusState *state)
{
  g_clear_pointer (&state->reason, g_free);
  g_clear_pointer (&state->changes, g_ptr_array_unref);
}

/* A history is replaced, never edited: the same array is the same history. */
gboolean
_pw_status_state_equal (const PwStatusState *a,
                        const PwStatusState *b)
{
  return a->status == b->status && _pw_text_equal (a->reason, b->reason)
         && a->changes == b->changes;
}

typedef struct
{
  PwHistoryEntry  parent;
  PwPolicyItem   *item;
  PwStatusState   before;
  PwStatusState   after;
} StatusEntry;

static void
status_entry_apply (PwHistoryEntry *entry,
                    gboolean        forward)
{
  StatusEntry *self = (StatusEntry *) entry;
  const PwStatusState *state = forward ? &self->after : &self->before;

  _pw_policy_item_set_status_state (self->item, state->status, state->reason, state->changes);
}

static void
status_entry_finalize (PwHistoryEntry *entry)
{
  StatusEntry *self = (StatusEntry *) entry;

  g_clear_object (&self->item);
  _pw_status_state_clear (&self->before);
  _pw_status_state_clear (&self->after);
}

static const PwHistoryEntryClass status_entry_class = {
  sizeof (StatusEntry),
  status_entry_apply,
  NULL,
  NULL,
  status_entry_finalize,
};

/* ------------------------------------------------------------------------
 * Objects in a list: custom policy items and categories
 */

typedef struct
{
  PwHistoryEntry  parent;
  GListStore     *store;
  GObject        *object;
  guint           position;
  gboolean        added;
} StoreEntry;

static void
store_entry_apply (PwHistoryEntry *entry,
                   gboolean        forward)
{
  StoreEntry *self = (StoreEntry *) entry;
  guint position;

  if (self->added == forward)
    g_list_store_insert (self->store,
                         MIN (self->position, g_list_model_get_n_items (G_LIST_MODEL (self->store))),
                         self->object);
  else if (g_list_store_find (self->store, self->object, &position))
    g_list_store_remove (self->store, position);
}

static void
store_entry_finalize (PwHistoryEntry *entry)
{
  StoreEntry *self = (StoreEntry *) entry;

  g_clear_object (&self->store);
  g_clear_object (&self->object);
}

static const PwHistoryEntryClass store_entry_class = {
  sizeof (StoreEntry),
  store_entry_apply,
  NULL,
  NULL,
  store_entry_finalize,
};

/* ------------------------------------------------------------------------
 * Teams and links of the organization map
 *
 * The map indexes its teams by id and its links by their two teams: they
 * come and go through the map's own functions, never through its lists,
 * or the indexes would go stale.
 */

typedef struct
{
  PwHistoryEntry  parent;
  PwOrgMap       *map;
  GObject        *object;   /* PwTeam or PwLink */
  guint           position;
  gboolean        added;
} MapEntry;

static void
map_entry_apply (PwHistoryEntry *entry,
                 gboolean        forward)
{
  MapEntry *self = (MapEntry *) entry;
  gboolean insert = self->added == forward;

  if (PW_IS_TEAM (self->object))
    {
      PwTeam *team = PW_TEAM (self->object);
      guint n = g_list_model_get_n_items (pw_org_map_get_teams (self->map));

      if (insert)
        pw_org_map_insert_team (self->map, MIN (self->position, n), team);
      else
        pw_org_map_remove_team (self->map, team);
    }
  else
    {
      PwLink *link = PW_LINK (self->object);
      guint n = g_list_model_get_n_items (pw_org_map_get_links (self->map));

      if (insert)
        pw_org_map_insert_link (self->map, MIN (self->position, n), link);
      else
        pw_org_map_remove_link (self->map, link);
    }
}

static void
map_entry_finalize (PwHistoryEntry *entry)
{
  MapEntry *self = (MapEntry *) entry;

  g_clear_object (&self->map);
  g_clear_object (&self->object);
}

static const PwHistoryEntryClass map_entry_class = {
  sizeof (MapEntry),
  map_entry_apply,
  NULL,
  NULL,
  map_entry_finalize,
};

PwHistoryEntry *
_pw_map_entry_new (const char *label,
                   PwOrgMap   *map,
                   gpointer    team_or_link,
                   guint       position,
                   gboolean    added)
{
  MapEntry *entry = pw_history_entry_new (&map_entry_class, label);

  g_assert (PW_IS_TEAM (team_or_link) || PW_IS_LINK (team_or_link));

  entry->map = g_object_ref (map);
  entry->object = g_object_ref (team_or_link);
  entry->position = position;
  entry->added = added;

  return (PwHistoryEntry *) entry;
}

PwHistoryEntry *
_pw_status_entry_new (const char          *label,
                      PwPolicyItem        *item,
                      const PwStatusState *before,
                      const PwStatusState *after)
{
  StatusEntry *entry = pw_history_entry_new (&status_entry_class, label);

  entry->item = g_object_ref (item);
  entry->before.status = before->status;
  entry->before.reason = g_strdup (before->reason);
  entry->before.changes = g_ptr_array_ref (before->changes);
  entry->after.status = after->status;
  entry->after.reason = g_strdup (after->reason);
  entry->after.changes = g_ptr_array_ref (after->changes);

  return (PwHistoryEntry *) entry;
}

PwHistoryEntry *
_pw_store_entry_new (GListStore *store,
                     gpointer    object,
                     guint       position,
                     gboolean    added)
{
  StoreEntry *entry = pw_history_entry_new (&store_entry_class, NULL);

  entry->store = g_object_ref (store);
  entry->object = g_object_ref (object);
  entry->position = position;
  entry->added = added;

  return (PwHistoryEntry *) entry;
}

PwHistoryEntry *
_pw_answer_entry_new (const char          *label,
                      PwAssessment        *assessment,
                      const char          *question_id,
                      const PwAnswerState *before,
                      const PwAnswerState *after,
                      PwAnswerChange       change)
{
  AnswerEntry *entry = pw_history_entry_new (&answer_entry_class, label);

  entry->assessment = g_object_ref (assessment);
  entry->question_id = g_strdup (question_id);
  _pw_answer_state_set (&entry->before, before);
  _pw_answer_state_set (&entry->after, after);
  entry->change = change;

  return (PwHistoryEntry *) entry;
}

PwHistoryEntry *
_pw_property_entry_new (const char   *label,
                        GObject      *object,
                        GParamSpec   *pspec,
                        const GValue *before,
                        const GValue *after)
{
  PropertyEntry *entry = pw_history_entry_new (&property_entry_class, label);

  entry->object = g_object_ref (object);
  entry->pspec = g_param_spec_ref (pspec);
  g_value_init (&entry->before, pspec->value_type);
  g_value_copy (before, &entry->before);
  g_value_init (&entry->after, pspec->value_type);
  g_value_copy (after, &entry->after);

  return (PwHistoryEntry *) entry;
}

PwHistoryEntry *
_pw_list_entry_new (PwWorkbook   *workbook,
                    PwAssessment *assessment,
                    guint         position,
                    gboolean      added)
{
  ListEntry *entry = pw_history_entry_new (&list_entry_class, NULL);

  entry->workbook = g_object_ref (workbook);
  entry->assessment = g_object_ref (assessment);
  entry->position = position;
  entry->added = added;

  return (PwHistoryEntry *) entry;
}

PwHistoryEntry *
_pw_report_list_entry_new (const char    *label,
                           PwWorkbook    *workbook,
                           PwReportDraft *report,
                           gboolean       added)
{
  ReportListEntry *entry = pw_history_entry_new (&report_list_entry_class, label);

  entry->workbook = g_object_ref (workbook);
  entry->report = g_object_ref (report);
  entry->added = added;

  return (PwHistoryEntry *) entry;
}
