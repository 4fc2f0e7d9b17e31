/* pw-recorder.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-recorder"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pw-recorder-private.h"

/**
 * PwRecorder:
 *
 * Records the edits of one workbook into a #PwHistory, whoever makes them:
 * the recorder follows the model's notifications, so that a field bound
 * to a widget, a page's action and the workshop alike become steps of one
 * history.
 *
 * What it records today:
 *
 * - the answers of every assessment (choice, phase, note, evidence, as one
 *   state per answer), followed through #PwAssessment::changed; typing in
 *   a note or in the evidence merges into one step;
 * - the profile of the workbook (name, industry, size, region), the
 *   fields of every assessment (scope, date, round, facilitator,
 *   participants, hidden phases); typing in one field merges into one step;
 * - report drafts added to or removed from the workbook, and in each draft
 *   the assessment reported on and the one compared with,
 *   the title, the executive summary, the commentary on the dimensions and
 *   the sections left out; typing in one text merges into one step;
 * - assessments added to or removed from the workbook, at their place in
 *   the list;
 * - the policy checklist: each item's status (with its reason and history,
 *   as one state), its owner, review date, note and link, and a custom
 *   item's title, description, category and core flag; custom items and
 *   custom categories added, removed or moved (the checklist makes those
 *   one edit), and a custom category's name;
 * - the organization map: teams and links added or removed, at their place
 *   in the lists (removing a team removes its links in the same step), and
 *   each team's name, kind, function, region, headcount, subject-matter
 *   experts, channels, notes and position.
 *
 * The workbook's #PwWorkbook::begin-edit and #PwWorkbook::end-edit make
 * the changes between them one step (a new assessment with its round
 * label; a deleted assessment with the report drafts it unlinked).
 *
 * The last known value of everything followed is kept, so that each
 * change becomes an entry {object, before, after}; the values of the
 * answers that existed when the recorder was created are known for the
 * questions of the workbook's framework.  Changes made while the history
 * applies a step are not recorded, but update those values.
 */
struct _PwRecorder
{
  GObject      parent_instance;

  PwWorkbook  *workbook;
  PwHistory   *history;
  PwFramework *framework;
  GListModel  *assessments;
  GListModel  *reports;
  GPtrArray   *assessment_mirror;  /* Observed, in the order of the assessments */
  GPtrArray   *report_mirror;      /* Tracked, in the order of the reports */
  GListModel  *policy_items;
  GListModel  *policy_categories;
  GPtrArray   *item_mirror;        /* PolicyFollowed, in the order of the items */
  GPtrArray   *category_mirror;    /* Tracked, in the order of the custom categories */
  PwOrgMap    *map;
  GListModel  *teams;
  GListModel  *links;
  GPtrArray   *team_mirror;        /* Tracked, in the order of the teams */
  GPtrArray   *link_mirror;        /* PwLink, in the order of the links */
  struct _Tracked *profile;
};

G_DEFINE_FINAL_TYPE (PwRecorder, pw_recorder, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_WORKBOOK,
  PROP_HISTORY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Questions are named in labels by their text, cut to this many characters. */
#define LABEL_CHARS 60

/* ------------------------------------------------------------------------
 * Answers
 */

static char *
describe_answer_change (PwRecorder     *self,
                        const char     *question_id,
                        PwAnswerChange  change)
{
  const PwQuestion *question = pw_framework_find_question (self->framework, question_id);
  g_autofree char *text = NULL;

  if (question == NULL || question->text == NULL)
    text = g_strdup (question_id);
  else if (g_utf8_strlen (question->text, -1) > LABEL_CHARS)
    {
      g_autofree char *start = g_utf8_substring (question->text, 0, LABEL_CHARS - 1);

      text = g_strconcat (g_strchomp (start), "…", NULL);
    }
  else
    text = g_strdup (question->text);

  switch (change)
    {
    case PW_ANSWER_CHANGE_NOTE:
      /* Translators: what undo takes back; %s is a question */
      return g_strdup_printf (_("Note on “%s”"), text);

    case PW_ANSWER_CHANGE_EVIDENCE:
      /* Translators: what undo takes back; %s is a question */
      return g_strdup_printf (_("Evidence for “%s”"), text);

    case PW_ANSWER_CHANGE_CHOICE:
    case PW_ANSWER_CHANGE_TEXTS:
    default:
      /* Translators: what undo takes back; %s is a question */
      return g_strdup_printf (_("Answer to “%s”"), text);
    }
}

static void
record_answer (PwRecorder          *self,
               PwAssessment        *assessment,
               const char          *question_id,
               const PwAnswerState *before,
               const PwAnswerState *after)
{
  PwAnswerChange change = _pw_answer_state_classify (before, after);
  g_autofree char *label = describe_answer_change (self, question_id, change);

  pw_history_push (self->history,
                   _pw_answer_entry_new (label, assessment, question_id, before, after, change));
}

/* ------------------------------------------------------------------------
 * Properties
 */

typedef struct
{
  const char *name;
  const char *label;  /* untranslated */
} PropertyInfo;

static const PropertyInfo workbook_properties[] = {
  /* Translators: what undo takes back */
  { "name", N_("Organization name") },
  /* Translators: what undo takes back */
  { "industry", N_("Industry") },
  /* Translators: what undo takes back */
  { "size", N_("Organization size") },
  /* Translators: what undo takes back */
  { "region", N_("Region") },
};

static const PropertyInfo assessment_properties[] = {
  /* Translators: what undo takes back: the scope of an assessment */
  { "team-id", N_("Scope") },
  /* Translators: what undo takes back: the date of an assessment */
  { "date", N_("Date") },
  /* Translators: what undo takes back: the round label of an assessment */
  { "round", N_("Round") },
  /* Translators: what undo takes back */
  { "facilitator", N_("Facilitator") },
  /* Translators: what undo takes back: the number of participants */
  { "participants", N_("Participants") },
  /* Translators: what undo takes back: whether the phases were hidden while answering */
  { "hide-phases", N_("Hide the phases") },
};

static const PropertyInfo policy_item_properties[] = {
  /* Translators: what undo takes back: who owns a policy */
  { "owner", N_("Policy owner") },
  /* Translators: what undo takes back: when a policy is next reviewed */
  { "review-date", N_("Policy review date") },
  /* Translators: what undo takes back */
  { "note", N_("Policy note") },
  /* Translators: what undo takes back: the link to a policy document */
  { "link", N_("Policy link") },
  /* Translators: what undo takes back: the title of a custom policy item */
  { "title", N_("Policy item title") },
  /* Translators: what undo takes back */
  { "description", N_("Policy item description") },
  /* Translators: what undo takes back: the category of a custom policy item */
  { "category", N_("Policy item category") },
  /* Translators: what undo takes back: whether a custom policy item is core */
  { "core", N_("Core policy item") },
};

static const PropertyInfo category_properties[] = {
  /* Translators: what undo takes back: the name of a custom policy category */
  { "name", N_("Category name") },
};

static const PropertyInfo team_properties[] = {
  /* Translators: what undo takes back: the name of a team of the organization map */
  { "name", N_("Team name") },
  /* Translators: what undo takes back: whether a team is a hub or a spoke */
  { "kind", N_("Team kind") },
  /* Translators: what undo takes back: the function of a team (PR, sales, …) */
  { "function", N_("Team function") },
  /* Translators: what undo takes back: the region of a team */
  { "region", N_("Team region") },
  /* Translators: what undo takes back: a team's dedicated headcount */
  { "headcount", N_("Team headcount") },
  /* Translators: what undo takes back: how many subject-matter experts a team engages */
  { "smes", N_("Subject-matter experts") },
  /* Translators: what undo takes back: the social media channels a team owns */
  { "channels", N_("Team channels") },
  /* Translators: what undo takes back: the notes on a team */
  { "notes", N_("Team notes") },
  /* Translators: what undo takes back: where a team is on the map */
  { "x", N_("Team position") },
  /* Translators: what undo takes back: where a team is on the map */
  { "y", N_("Team position") },
};

static const PropertyInfo report_properties[] = {
  /* Translators: what undo takes back: which assessment a report is about */
  { "assessment-id", N_("Report’s assessment") },
  /* Translators: what undo takes back: the assessment a report compares with */
  { "compare-id", N_("Report’s comparison") },
  /* Translators: what undo takes back: the title of a report */
  { "title", N_("Report title") },
  /* Translators: what undo takes back: the executive summary of a report */
  { "summary", N_("Executive summary") },
  /* Translators: what undo takes back: the commentary on a dimension in a report */
  { "commentary", N_("Report commentary") },
  /* Translators: what undo takes back: which sections a report includes */
  { "omitted-sections", N_("Report sections") },
};

/* The last known values of some properties of one object */
typedef struct _Tracked
{
  PwRecorder         *recorder;
  GObject            *object;
  const PropertyInfo *infos;
  guint               n_infos;
  GValue             *values;
  gulong              notify_id;
} Tracked;

static void
tracked_notify_cb (GObject    *object,
                   GParamSpec *pspec,
                   Tracked    *tracked)
{
  PwRecorder *self = tracked->recorder;
  g_auto(GValue) now = G_VALUE_INIT;
  GValue *known = NULL;
  guint i;

  for (i = 0; i < tracked->n_infos; i++)
    if (g_str_equal (tracked->infos[i].name, pspec->name))
      {
        known = &tracked->values[i];
        break;
      }

  if (known == NULL)
    return;

  g_value_init (&now, pspec->value_type);
  g_object_get_property (object, pspec->name, &now);
  if (_pw_property_values_equal (pspec, known, &now))
    return;

  if (!pw_history_get_applying (self->history))
    pw_history_push (self->history,
                     _pw_property_entry_new (_(tracked->infos[i].label), object, pspec, known,
                                             &now));

  g_value_copy (&now, known);
}

static Tracked *
track (PwRecorder         *self,
       gpointer            object,
       const PropertyInfo *infos,
       guint               n_infos)
{
  Tracked *tracked = g_new0 (Tracked, 1);

  tracked->recorder = self;
  tracked->object = g_object_ref (object);
  tracked->infos = infos;
  tracked->n_infos = n_infos;
  tracked->values = g_new0 (GValue, n_infos);

  for (guint i = 0; i < n_infos; i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object),
                                                        infos[i].name);

      g_assert (pspec != NULL);
      g_value_init (&tracked->values[i], pspec->value_type);
      g_object_get_property (object, infos[i].name, &tracked->values[i]);
    }

  tracked->notify_id = g_signal_connect (object, "notify", G_CALLBACK (tracked_notify_cb),
                                         tracked);

  return tracked;
}

static void
tracked_free (Tracked *tracked)
{
  g_clear_signal_handler (&tracked->notify_id, tracked->object);
  for (guint i = 0; i < tracked->n_infos; i++)
    g_value_unset (&tracked->values[i]);
  g_free (tracked->values);
  g_clear_object (&tracked->object);
  g_free (tracked);
}

/* ------------------------------------------------------------------------
 * The policy checklist
 */

/* One policy item followed: its status and its fields */
typedef struct
{
  PwRecorder    *recorder;
  PwPolicyItem  *item;
  gulong         notify_id;
  PwStatusState  status;
  Tracked       *fields;
} PolicyFollowed;

static void
policy_followed_free (PolicyFollowed *followed)
{
  g_clear_signal_handler (&followed->notify_id, followed->item);
  g_clear_pointer (&followed->fields, tracked_free);
  _pw_status_state_clear (&followed->status);
  g_clear_object (&followed->item);
  g_free (followed);
}

static void
policy_status_notify_cb (PwPolicyItem   *item,
                         GParamSpec     *pspec,
                         PolicyFollowed *followed)
{
  PwRecorder *self = followed->recorder;
  PwStatusState now = { 0 };

  _pw_status_state_init (&now, item);

  /* Status, reason and history notify together: the first notification
   * already sees them all. */
  if (_pw_status_state_equal (&followed->status, &now))
    {
      _pw_status_state_clear (&now);
      return;
    }

  if (!pw_history_get_applying (self->history))
    {
      /* Translators: what undo takes back; %s is a policy item */
      g_autofree char *label = g_strdup_printf (_("Status of “%s”"),
                                                pw_policy_item_get_title (item));

      pw_history_push (self->history, _pw_status_entry_new (label, item, &followed->status, &now));
    }

  _pw_status_state_clear (&followed->status);
  followed->status = now;
}

static PolicyFollowed *
follow_policy_item (PwRecorder   *self,
                    PwPolicyItem *item)
{
  PolicyFollowed *followed = g_new0 (PolicyFollowed, 1);

  followed->recorder = self;
  followed->item = g_object_ref (item);
  _pw_status_state_init (&followed->status, item);
  followed->notify_id = g_signal_connect (item, "notify", G_CALLBACK (policy_status_notify_cb),
                                          followed);
  followed->fields = track (self, item, policy_item_properties,
                            G_N_ELEMENTS (policy_item_properties));

  return followed;
}

static void
policy_items_changed_cb (PwRecorder *self,
                         guint       position,
                         guint       removed,
                         guint       added,
                         GListModel *model)
{
  g_assert (position + removed <= self->item_mirror->len);

  for (guint i = 0; i < removed; i++)
    {
      PolicyFollowed *followed = g_ptr_array_index (self->item_mirror, position + i);

      if (!pw_history_get_applying (self->history))
        pw_history_push (self->history,
                         _pw_store_entry_new (G_LIST_STORE (model), followed->item, position + i,
                                              FALSE));
    }
  g_ptr_array_remove_range (self->item_mirror, position, removed);

  for (guint i = 0; i < added; i++)
    {
      g_autoptr(PwPolicyItem) item = g_list_model_get_item (model, position + i);

      g_ptr_array_insert (self->item_mirror, (int) (position + i),
                          follow_policy_item (self, item));
      if (!pw_history_get_applying (self->history))
        pw_history_push (self->history,
                         _pw_store_entry_new (G_LIST_STORE (model), item, position + i, TRUE));
    }
}

static void
policy_categories_changed_cb (PwRecorder *self,
                              guint       position,
                              guint       removed,
                              guint       added,
                              GListModel *model)
{
  g_assert (position + removed <= self->category_mirror->len);

  for (guint i = 0; i < removed; i++)
    {
      Tracked *tracked = g_ptr_array_index (self->category_mirror, position + i);

      if (!pw_history_get_applying (self->history))
        pw_history_push (self->history,
                         _pw_store_entry_new (G_LIST_STORE (model), tracked->object, position + i,
                                              FALSE));
    }
  g_ptr_array_remove_range (self->category_mirror, position, removed);

  for (guint i = 0; i < added; i++)
    {
      g_autoptr(PwCustomCategory) category = g_list_model_get_item (model, position + i);

      g_ptr_array_insert (self->category_mirror, (int) (position + i),
                          track (self, category, category_properties,
                                 G_N_ELEMENTS (category_properties)));
      if (!pw_history_get_applying (self->history))
        pw_history_push (self->history,
                         _pw_store_entry_new (G_LIST_STORE (model), category, position + i, TRUE));
    }
}

/* ------------------------------------------------------------------------
 * The organization map
 */

static void
record_map_change (PwRecorder *self,
                   const char *label,
                   gpointer    team_or_link,
                   guint       position,
                   gboolean    added)
{
  if (!pw_history_get_applying (self->history))
    pw_history_push (self->history,
                     _pw_map_entry_new (label, self->map, team_or_link, position, added));
}

static void
teams_changed_cb (PwRecorder *self,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GListModel *model)
{
  g_assert (position + removed <= self->team_mirror->len);

  for (guint i = 0; i < removed; i++)
    {
      Tracked *tracked = g_ptr_array_index (self->team_mirror, position + i);

      /* Translators: what undo takes back */
      record_map_change (self, _("Delete Team"), tracked->object, position + i, FALSE);
    }
  g_ptr_array_remove_range (self->team_mirror, position, removed);

  for (guint i = 0; i < added; i++)
    {
      g_autoptr(PwTeam) team = g_list_model_get_item (model, position + i);

      g_ptr_array_insert (self->team_mirror, (int) (position + i),
                          track (self, team, team_properties, G_N_ELEMENTS (team_properties)));
      /* Translators: what undo takes back */
      record_map_change (self, _("Add Team"), team, position + i, TRUE);
    }
}

static void
links_changed_cb (PwRecorder *self,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GListModel *model)
{
  g_assert (position + removed <= self->link_mirror->len);

  for (guint i = 0; i < removed; i++)
    /* Translators: what undo takes back: a link between two teams */
    record_map_change (self, _("Disconnect Teams"),
                       g_ptr_array_index (self->link_mirror, position + i), position + i, FALSE);
  g_ptr_array_remove_range (self->link_mirror, position, removed);

  for (guint i = 0; i < added; i++)
    {
      PwLink *link = g_list_model_get_item (model, position + i);

      g_ptr_array_insert (self->link_mirror, (int) (position + i), link);
      /* Translators: what undo takes back: a link between two teams */
      record_map_change (self, _("Connect Teams"), link, position + i, TRUE);
    }
}

/* ------------------------------------------------------------------------
 * Assessments
 */

/* One assessment followed: its answers and its fields. */
typedef struct
{
  PwRecorder   *recorder;
  PwAssessment *assessment;
  gulong        changed_id;
  GHashTable   *states;      /* question id → PwAnswerState */
  Tracked      *fields;
} Observed;

static void
observed_free (Observed *observed)
{
  g_clear_signal_handler (&observed->changed_id, observed->assessment);
  g_clear_pointer (&observed->fields, tracked_free);
  g_clear_object (&observed->assessment);
  g_clear_pointer (&observed->states, g_hash_table_unref);
  g_free (observed);
}

static void
assessment_changed_cb (PwAssessment *assessment,
                       PwAnswer     *answer,
                       Observed     *observed)
{
  static const PwAnswerState empty = { PW_ANSWER_NONE, 0, NULL, NULL };
  PwRecorder *self = observed->recorder;
  PwAnswerState *known;
  PwAnswerState now = { 0 };
  const char *question_id;

  /* A field of the assessment: followed through its notifications */
  if (answer == NULL)
    return;

  question_id = pw_answer_get_question_id (answer);
  known = g_hash_table_lookup (observed->states, question_id);
  _pw_answer_state_init (&now, answer);

  /* One edit notifies each property it changed: the first notification
   * already sees them all. */
  if (known != NULL && _pw_answer_state_equal (known, &now))
    {
      _pw_answer_state_clear (&now);
      return;
    }

  if (!pw_history_get_applying (self->history))
    record_answer (self, assessment, question_id, known ? known : &empty, &now);

  if (known == NULL)
    {
      known = g_new0 (PwAnswerState, 1);
      g_hash_table_insert (observed->states, g_strdup (question_id), known);
    }
  _pw_answer_state_clear (known);
  *known = now;
}

static Observed *
observe_assessment (PwRecorder   *self,
                    PwAssessment *assessment)
{
  Observed *observed = g_new0 (Observed, 1);

  observed->recorder = self;
  observed->assessment = g_object_ref (assessment);
  observed->states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) _pw_answer_state_free);

  for (guint i = 0; i < pw_framework_get_n_dimensions (self->framework); i++)
    {
      const PwDimension *dimension = pw_framework_get_dimension (self->framework, i);

      for (guint j = 0; j < dimension->questions->len; j++)
        {
          const PwQuestion *question = g_ptr_array_index (dimension->questions, j);
          PwAnswer *answer = pw_assessment_lookup_answer (assessment, question->id);
          PwAnswerState *state;

          if (answer == NULL)
            continue;

          state = g_new0 (PwAnswerState, 1);
          _pw_answer_state_init (state, answer);
          g_hash_table_insert (observed->states, g_strdup (question->id), state);
        }
    }

  observed->changed_id = g_signal_connect (assessment, "changed",
                                           G_CALLBACK (assessment_changed_cb), observed);
  observed->fields = track (self, assessment, assessment_properties,
                            G_N_ELEMENTS (assessment_properties));

  return observed;
}

/* An assessment comes and goes inside the workbook's own labelled edit
 * (pw_workbook_start_assessment(), pw_workbook_remove_assessment()), which
 * names the step: the entry has no label of its own. */
static void
record_list_change (PwRecorder   *self,
                    PwAssessment *assessment,
                    guint         position,
                    gboolean      added)
{
  if (pw_history_get_applying (self->history))
    return;

  pw_history_push (self->history,
                   _pw_list_entry_new (self->workbook, assessment, position, added));
}

static void
assessments_changed_cb (PwRecorder *self,
                        guint       position,
                        guint       removed,
                        guint       added,
                        GListModel *model)
{
  g_assert (position + removed <= self->assessment_mirror->len);

  for (guint i = 0; i < removed; i++)
    {
      Observed *observed = g_ptr_array_index (self->assessment_mirror, position + i);

      record_list_change (self, observed->assessment, position + i, FALSE);
    }
  g_ptr_array_remove_range (self->assessment_mirror, position, removed);

  for (guint i = 0; i < added; i++)
    {
      g_autoptr(PwAssessment) assessment = g_list_model_get_item (model, position + i);

      g_ptr_array_insert (self->assessment_mirror, (int) (position + i),
                          observe_assessment (self, assessment));
      record_list_change (self, assessment, position + i, TRUE);
    }
}

/* Follows the reports of @model; @record: whether their coming and going
 * are edits (not so for those the workbook had when the recorder came) */
static void
mirror_reports (PwRecorder *self,
                guint       position,
                guint       removed,
                guint       added,
                GListModel *model,
                gboolean    record)
{
  record = record && !pw_history_get_applying (self->history);

  g_assert (position + removed <= self->report_mirror->len);

  for (guint i = 0; i < removed && record; i++)
    {
      Tracked *tracked = g_ptr_array_index (self->report_mirror, position + i);

      pw_history_push (self->history,
                       /* Translators: what undo takes back: a report draft deleted */
                       _pw_report_list_entry_new (_("Deleting a report"), self->workbook,
                                                  PW_REPORT_DRAFT (tracked->object), FALSE));
    }
  g_ptr_array_remove_range (self->report_mirror, position, removed);

  for (guint i = 0; i < added; i++)
    {
      g_autoptr(PwReportDraft) report = g_list_model_get_item (model, position + i);

      g_ptr_array_insert (self->report_mirror, (int) (position + i),
                          track (self, report, report_properties,
                                 G_N_ELEMENTS (report_properties)));
      if (record)
        pw_history_push (self->history,
                         /* Translators: what undo takes back: a report draft added */
                         _pw_report_list_entry_new (_("New report"), self->workbook, report,
                                                    TRUE));
    }
}

static void
reports_changed_cb (PwRecorder *self,
                    guint       position,
                    guint       removed,
                    guint       added,
                    GListModel *model)
{
  mirror_reports (self, position, removed, added, model, TRUE);
}

static void
begin_edit_cb (PwRecorder *self,
               const char *label,
               PwWorkbook *workbook)
{
  pw_history_begin_group (self->history, label);
}

static void
end_edit_cb (PwRecorder *self,
             PwWorkbook *workbook)
{
  pw_history_end_group (self->history);
}

/* ------------------------------------------------------------------------
 * The object
 */

static void
pw_recorder_constructed (GObject *object)
{
  PwRecorder *self = (PwRecorder *)object;

  G_OBJECT_CLASS (pw_recorder_parent_class)->constructed (object);

  g_assert (PW_IS_WORKBOOK (self->workbook));
  g_assert (PW_IS_HISTORY (self->history));

  self->framework = g_object_ref (pw_workbook_get_framework (self->workbook));
  self->profile = track (self, self->workbook, workbook_properties,
                         G_N_ELEMENTS (workbook_properties));

  self->assessments = g_object_ref (pw_workbook_get_assessments (self->workbook));
  for (guint i = 0; i < g_list_model_get_n_items (self->assessments); i++)
    {
      g_autoptr(PwAssessment) assessment = g_list_model_get_item (self->assessments, i);

      g_ptr_array_add (self->assessment_mirror, observe_assessment (self, assessment));
    }
  g_signal_connect_object (self->assessments, "items-changed",
                           G_CALLBACK (assessments_changed_cb), self, G_CONNECT_SWAPPED);

  self->reports = g_object_ref (pw_workbook_get_reports (self->workbook));
  mirror_reports (self, 0, 0, g_list_model_get_n_items (self->reports), self->reports, FALSE);
  g_signal_connect_object (self->reports, "items-changed",
                           G_CALLBACK (reports_changed_cb), self, G_CONNECT_SWAPPED);

  self->policy_items = g_object_ref (pw_policy_get_items (pw_workbook_get_policy (self->workbook)));
  for (guint i = 0; i < g_list_model_get_n_items (self->policy_items); i++)
    {
      g_autoptr(PwPolicyItem) item = g_list_model_get_item (self->policy_items, i);

      g_ptr_array_add (self->item_mirror, follow_policy_item (self, item));
    }
  g_signal_connect_object (self->policy_items, "items-changed",
                           G_CALLBACK (policy_items_changed_cb), self, G_CONNECT_SWAPPED);

  self->policy_categories =
    g_object_ref (pw_policy_get_custom_categories (pw_workbook_get_policy (self->workbook)));
  for (guint i = 0; i < g_list_model_get_n_items (self->policy_categories); i++)
    {
      g_autoptr(PwCustomCategory) category = g_list_model_get_item (self->policy_categories, i);

      g_ptr_array_add (self->category_mirror,
                       track (self, category, category_properties,
                              G_N_ELEMENTS (category_properties)));
    }
  g_signal_connect_object (self->policy_categories, "items-changed",
                           G_CALLBACK (policy_categories_changed_cb), self, G_CONNECT_SWAPPED);

  self->map = g_object_ref (pw_workbook_get_org_map (self->workbook));
  self->teams = g_object_ref (pw_org_map_get_teams (self->map));
  for (guint i = 0; i < g_list_model_get_n_items (self->teams); i++)
    {
      g_autoptr(PwTeam) team = g_list_model_get_item (self->teams, i);

      g_ptr_array_add (self->team_mirror,
                       track (self, team, team_properties, G_N_ELEMENTS (team_properties)));
    }
  g_signal_connect_object (self->teams, "items-changed",
                           G_CALLBACK (teams_changed_cb), self, G_CONNECT_SWAPPED);

  self->links = g_object_ref (pw_org_map_get_links (self->map));
  for (guint i = 0; i < g_list_model_get_n_items (self->links); i++)
    g_ptr_array_add (self->link_mirror, g_list_model_get_item (self->links, i));
  g_signal_connect_object (self->links, "items-changed",
                           G_CALLBACK (links_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->workbook, "begin-edit", G_CALLBACK (begin_edit_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->workbook, "end-edit", G_CALLBACK (end_edit_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
pw_recorder_dispose (GObject *object)
{
  PwRecorder *self = (PwRecorder *)object;

  if (self->assessments != NULL)
    g_signal_handlers_disconnect_by_data (self->assessments, self);
  if (self->reports != NULL)
    g_signal_handlers_disconnect_by_data (self->reports, self);
  if (self->policy_items != NULL)
    g_signal_handlers_disconnect_by_data (self->policy_items, self);
  if (self->policy_categories != NULL)
    g_signal_handlers_disconnect_by_data (self->policy_categories, self);
  if (self->teams != NULL)
    g_signal_handlers_disconnect_by_data (self->teams, self);
  if (self->links != NULL)
    g_signal_handlers_disconnect_by_data (self->links, self);
  if (self->workbook != NULL)
    g_signal_handlers_disconnect_by_data (self->workbook, self);

  if (self->assessment_mirror != NULL)
    g_ptr_array_set_size (self->assessment_mirror, 0);
  if (self->report_mirror != NULL)
    g_ptr_array_set_size (self->report_mirror, 0);
  if (self->item_mirror != NULL)
    g_ptr_array_set_size (self->item_mirror, 0);
  if (self->category_mirror != NULL)
    g_ptr_array_set_size (self->category_mirror, 0);
  if (self->team_mirror != NULL)
    g_ptr_array_set_size (self->team_mirror, 0);
  if (self->link_mirror != NULL)
    g_ptr_array_set_size (self->link_mirror, 0);
  g_clear_object (&self->teams);
  g_clear_object (&self->links);
  g_clear_object (&self->map);
  g_clear_object (&self->policy_items);
  g_clear_object (&self->policy_categories);
  g_clear_pointer (&self->profile, tracked_free);
  g_clear_object (&self->assessments);
  g_clear_object (&self->reports);
  g_clear_object (&self->framework);
  g_clear_object (&self->history);
  g_clear_object (&self->workbook);

  G_OBJECT_CLASS (pw_recorder_parent_class)->dispose (object);
}

static void
pw_recorder_finalize (GObject *object)
{
  PwRecorder *self = (PwRecorder *)object;

  g_clear_pointer (&self->assessment_mirror, g_ptr_array_unref);
  g_clear_pointer (&self->report_mirror, g_ptr_array_unref);
  g_clear_pointer (&self->item_mirror, g_ptr_array_unref);
  g_clear_pointer (&self->category_mirror, g_ptr_array_unref);
  g_clear_pointer (&self->team_mirror, g_ptr_array_unref);
  g_clear_pointer (&self->link_mirror, g_ptr_array_unref);

  G_OBJECT_CLASS (pw_recorder_parent_class)->finalize (object);
}

static void
pw_recorder_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PwRecorder *self = PW_RECORDER (object);

  switch (prop_id)
    {
    case PROP_WORKBOOK:
      g_value_set_object (value, self->workbook);
      break;

    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_recorder_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  PwRecorder *self = PW_RECORDER (object);

  switch (prop_id)
    {
    case PROP_WORKBOOK:
      self->workbook = g_value_dup_object (value);
      break;

    case PROP_HISTORY:
      self->history = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_recorder_class_init (PwRecorderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = pw_recorder_constructed;
  object_class->dispose = pw_recorder_dispose;
  object_class->finalize = pw_recorder_finalize;
  object_class->get_property = pw_recorder_get_property;
  object_class->set_property = pw_recorder_set_property;

  properties [PROP_WORKBOOK] =
    g_param_spec_object ("workbook", NULL, NULL,
                         PW_TYPE_WORKBOOK,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL,
                         PW_TYPE_HISTORY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pw_recorder_init (PwRecorder *self)
{
  self->assessment_mirror = g_ptr_array_new_with_free_func ((GDestroyNotify) observed_free);
  self->report_mirror = g_ptr_array_new_with_free_func ((GDestroyNotify) tracked_free);
  self->item_mirror = g_ptr_array_new_with_free_func ((GDestroyNotify) policy_followed_free);
  self->category_mirror = g_ptr_array_new_with_free_func ((GDestroyNotify) tracked_free);
  self->team_mirror = g_ptr_array_new_with_free_func ((GDestroyNotify) tracked_free);
  self->link_mirror = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * pw_recorder_new:
 * @workbook: the workbook whose edits are recorded
 * @history: where they are recorded
 *
 * Returns: (transfer full): a recorder of @workbook's edits into @history,
 *   from now on
 */
PwRecorder *
pw_recorder_new (PwWorkbook *workbook,
                 PwHistory  *history)
{
  g_return_val_if_fail (PW_IS_WORKBOOK (workbook), NULL);
  g_return_val_if_fail (PW_IS_HISTORY (history), NULL);

  return g_object_new (PW_TYPE_RECORDER,
                       "workbook", workbook,
                       "history", history,
                       NULL);
}
