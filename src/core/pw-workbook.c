/* pw-workbook.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-workbook"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pw-utils-private.h"
#include "pw-validate.h"
#include "pw-workbook.h"

/**
 * PwWorkbook:
 *
 * One organization's work, as one file holds it: the profile, the
 * organization map, the policy checklist, the assessments and the report
 * drafts, answered against one framework.
 *
 * Every edit of any part emits a notification that sets
 * #PwWorkbook:modified, so that the window title, autosave and the
 * unsaved-changes guard see it.
 */
struct _PwWorkbook
{
  GObject      parent_instance;

  PwFramework *framework;
  char        *name;
  char        *industry;
  char        *size;
  char        *region;
  GListStore  *assessments;
  GHashTable  *assessment_by_id;  /* id → PwAssessment, borrowed from @assessments */
  PwOrgMap    *org_map;
  PwPolicy    *policy;
  GListStore  *reports;
  GHashTable  *report_by_id;      /* id → PwReportDraft, borrowed from @reports */
  guint64      generation;
  guint        edit_depth;
  guint        modified : 1;
};

G_DEFINE_FINAL_TYPE (PwWorkbook, pw_workbook, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FRAMEWORK,
  PROP_NAME,
  PROP_INDUSTRY,
  PROP_SIZE,
  PROP_REGION,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  CHANGED,
  BEGIN_EDIT,
  END_EDIT,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
mark_modified_cb (PwWorkbook *self)
{
  self->generation++;
  pw_workbook_set_modified (self, TRUE);
  g_signal_emit (self, signals [CHANGED], 0);
}

static void
items_changed_cb (PwWorkbook *self,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GListModel *model)
{
  mark_modified_cb (self);
}

static void
pw_workbook_constructed (GObject *object)
{
  PwWorkbook *self = (PwWorkbook *)object;

  G_OBJECT_CLASS (pw_workbook_parent_class)->constructed (object);

  g_assert (PW_IS_FRAMEWORK (self->framework));

  self->policy = pw_policy_new (self->framework);
  g_signal_connect_object (self->policy, "changed", G_CALLBACK (mark_modified_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->policy, "begin-edit", G_CALLBACK (pw_workbook_begin_edit), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->policy, "end-edit", G_CALLBACK (pw_workbook_end_edit), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->org_map, "changed", G_CALLBACK (mark_modified_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->org_map, "begin-edit", G_CALLBACK (pw_workbook_begin_edit),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->org_map, "end-edit", G_CALLBACK (pw_workbook_end_edit), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->assessments, "items-changed", G_CALLBACK (items_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reports, "items-changed", G_CALLBACK (items_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

static void
pw_workbook_finalize (GObject *object)
{
  PwWorkbook *self = (PwWorkbook *)object;

  g_clear_object (&self->framework);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->industry, g_free);
  g_clear_pointer (&self->size, g_free);
  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->assessment_by_id, g_hash_table_unref);
  g_clear_object (&self->assessments);
  g_clear_object (&self->org_map);
  g_clear_object (&self->policy);
  g_clear_pointer (&self->report_by_id, g_hash_table_unref);
  g_clear_object (&self->reports);

  G_OBJECT_CLASS (pw_workbook_parent_class)->finalize (object);
}

static void
pw_workbook_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PwWorkbook *self = PW_WORKBOOK (object);

  switch (prop_id)
    {
    case PROP_FRAMEWORK:
      g_value_set_object (value, self->framework);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_INDUSTRY:
      g_value_set_string (value, self->industry);
      break;

    case PROP_SIZE:
      g_value_set_string (value, self->size);
      break;

    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_workbook_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  PwWorkbook *self = PW_WORKBOOK (object);

  switch (prop_id)
    {
    case PROP_FRAMEWORK:
      self->framework = g_value_dup_object (value);
      break;

    case PROP_NAME:
      pw_workbook_set_name (self, g_value_get_string (value));
      break;

    case PROP_INDUSTRY:
      pw_workbook_set_industry (self, g_value_get_string (value));
      break;

    case PROP_SIZE:
      pw_workbook_set_size (self, g_value_get_string (value));
      break;

    case PROP_REGION:
      pw_workbook_set_region (self, g_value_get_string (value));
      break;

    case PROP_MODIFIED:
      pw_workbook_set_modified (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_workbook_class_init (PwWorkbookClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = pw_workbook_constructed;
  object_class->finalize = pw_workbook_finalize;
  object_class->get_property = pw_workbook_get_property;
  object_class->set_property = pw_workbook_set_property;

  properties [PROP_FRAMEWORK] =
    g_param_spec_object ("framework", NULL, NULL,
                         PW_TYPE_FRAMEWORK,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_INDUSTRY] =
    g_param_spec_string ("industry", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SIZE] =
    g_param_spec_string ("size", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PwWorkbook::changed:
   *
   * Emitted after every edit of any part of the workbook, also when it was
   * modified already: autosave listens to it.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  /**
   * PwWorkbook::begin-edit:
   * @label: (nullable): what the edit does, for people
   *
   * Emitted by pw_workbook_begin_edit(): the changes until the matching
   * #PwWorkbook::end-edit are one edit, undone and redone together.  Edits
   * nest; only the outermost pair is emitted.
   */
  signals [BEGIN_EDIT] =
    g_signal_new ("begin-edit",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * PwWorkbook::end-edit:
   *
   * Emitted by the pw_workbook_end_edit() that ends the outermost edit.
   */
  signals [END_EDIT] =
    g_signal_new ("end-edit",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
pw_workbook_init (PwWorkbook *self)
{
  self->assessments = g_list_store_new (PW_TYPE_ASSESSMENT);
  self->assessment_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->reports = g_list_store_new (PW_TYPE_REPORT_DRAFT);
  self->report_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->org_map = pw_org_map_new ();
}

/**
 * pw_workbook_new:
 * @framework: the framework the workbook's assessments answer
 *
 * Returns: (transfer full): an empty, unmodified workbook
 */
PwWorkbook *
pw_workbook_new (PwFramework *framework)
{
  g_return_val_if_fail (PW_IS_FRAMEWORK (framework), NULL);

  return g_object_new (PW_TYPE_WORKBOOK, "framework", framework, NULL);
}

/**
 * pw_workbook_get_framework:
 *
 * Returns: (transfer none): the framework
 */
PwFramework *
pw_workbook_get_framework (PwWorkbook *self)
{
  g_return_val_if_fail (PW_IS_WORKBOOK (self), NULL);

  return self->framework;
}

static void
set_string_property (PwWorkbook  *self,
                     char       **field,
                     const char  *value,
                     guint        prop_id)
{
  if (!_pw_set_line_capped (field, value, PW_MAX_NAME_CHARS))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties [prop_id]);
  mark_modified_cb (self);
}

const char *
pw_workbook_get_name (PwWorkbook *self)
{
  g_return_val_if_fail (PW_IS_WORKBOOK (self), NULL);
  return self->name;
}

/**
 * pw_workbook_set_name:
 * @name: (nullable): the organization's name
 *
 * Sets the organization's name, cut to %PW_MAX_NAME_CHARS characters: a
 * workbook file holds no longer one.
 */
void
pw_workbook_set_name (PwWorkbook *self,
                      const char *name)
{
  g_return_if_fail (PW_IS_WORKBOOK (self));
  set_string_property (self, &self->name, name, PROP_NAME);
}

const char *
pw_workbook_get_industry (PwWorkbook *self)
{
  g_return_val_if_fail (PW_IS_WORKBOOK (self), NULL);
  return self->industry;
}

/**
 * pw_workbook_set_industry:
 * @industry: (nullable): its industry
 *
 * Sets the organization's industry, cut to %PW_MAX_NAME_CHARS characters: a
 * workbook file holds no longer one.
 */
void
pw_workbook_set_industry (PwWorkbook *self,
                          const char *industry)
{
  g_return_if_fail (PW_IS_WORKBOOK (self));
  set_string_property (self, &self->industry, industry, PROP_INDUSTRY);
}

const char *
pw_workbook_get_size (PwWorkbook *self)
{
  g_return_val_if_fail (PW_IS_WORKBOOK (self), NULL);
  return self->size;
}

/**
 * pw_workbook_set_size:
 * @size: (nullable): its size, in words
 *
 * Sets the organization's size, cut to %PW_MAX_NAME_CHARS characters: a
 * workbook file holds no longer one.
 */
void
pw_workbook_set_size (PwWorkbook *self,
                      const char *size)
{
  g_return_if_fail (PW_IS_WORKBOOK (self));
  set_string_property (self, &self->size, size, PROP_SIZE);
}

const char *
pw_workbook_get_region (PwWorkbook *self)
{
  g_return_val_if_fail (PW_IS_WORKBOOK (self), NULL);
  return self->region;
}

/**
 * pw_workbook_set_region:
 * @region: (nullable): where it works
 *
 * Sets the organization's region, cut to %PW_MAX_NAME_CHARS characters: a
 * workbook file holds no longer one.
 */
void
pw_workbook_set_region (PwWorkbook *self,
                        const char *region)
{
  g_return_if_fail (PW_IS_WORKBOOK (self));
  set_string_property (self, &self->region, region, PROP_REGION);
}

gboolean
pw_workbook_get_modified (PwWorkbook *self)
{
  g_return_val_if_fail (PW_IS_WORKBOOK (self), FALSE);
  return self->modified;
}

void
pw_workbook_set_modified (PwWorkbook *self,
                          gboolean    modified)
{
  g_return_if_fail (PW_IS_WORKBOOK (self));

  modified = !!modified;
  if (self->modified == modified)
    return;

  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODIFIED]);
}

/**
 * pw_workbook_get_assessments:
 *
 * Returns: (transfer none): a #GListModel of #PwAssessment, oldest first
 */
GListModel *
pw_workbook_get_assessments (PwWorkbook *self)
{
  g_return_val_if_fail (PW_IS_WORKBOOK (self), NULL);
  return G_LIST_MODEL (self->assessments);
}

/**
 * pw_workbook_find_assessment:
 *
 * Returns: (transfer none) (nullable): the assessment with @id
 */
PwAssessment *
pw_workbook_find_assessment (PwWorkbook *self,
                             const char *id)
{
  g_return_val_if_fail (PW_IS_WORKBOOK (self), NULL);

  return id ? g_hash_table_lookup (self->assessment_by_id, id) : NULL;
}

void
pw_workbook_add_assessment (PwWorkbook   *self,
                            PwAssessment *assessment)
{
  g_return_if_fail (PW_IS_WORKBOOK (self));

  pw_workbook_insert_assessment (self,
                                 g_list_model_get_n_items (G_LIST_MODEL (self->assessments)),
                                 assessment);
}

/**
 * pw_workbook_insert_assessment:
 * @position: where in the list, at most its length
 *
 * Adds @assessment at @position of the list, as undoing its removal does.
 */
void
pw_workbook_insert_assessment (PwWorkbook   *self,
                               guint         position,
                               PwAssessment *assessment)
{
  g_return_if_fail (PW_IS_WORKBOOK (self));
  g_return_if_fail (PW_IS_ASSESSMENT (assessment));
  g_return_if_fail (position <= g_list_model_get_n_items (G_LIST_MODEL (self->assessments)));
  g_return_if_fail (pw_workbook_find_assessment (self,
                                                 pw_assessment_get_id (assessment)) == NULL);

  g_signal_connect_object (assessment, "changed", G_CALLBACK (mark_modified_cb), self,
                           G_CONNECT_SWAPPED);
  g_hash_table_insert (self->assessment_by_id, (gpointer) pw_assessment_get_id (assessment),
                       assessment);
  g_list_store_insert (self->assessments, position, assessment);
}

void
pw_workbook_remove_assessment (PwWorkbook   *self,
                               PwAssessment *assessment)
{
  guint position;

  g_return_if_fail (PW_IS_WORKBOOK (self));
  g_return_if_fail (PW_IS_ASSESSMENT (assessment));

  if (!g_list_store_find (self->assessments, assessment, &position))
    return;

  g_signal_handlers_disconnect_by_func (assessment, mark_modified_cb, self);

  {
    g_autofree char *scope = pw_workbook_describe_scope (self, assessment);
    g_autofree char *label = NULL;

    /* Translators: what undo takes back: the scope and the date of an assessment */
    label = g_strdup_printf (_("Deleting the assessment of %s, %s"), scope,
                             pw_assessment_get_date (assessment));
    pw_workbook_begin_edit (self, label);
  }

  /* Report drafts no longer point at it, so that the file stays valid. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->reports)); i++)
    {
      g_autoptr(PwReportDraft) report = g_list_model_get_item (G_LIST_MODEL (self->reports), i);

      if (g_strcmp0 (pw_report_draft_get_assessment_id (report),
                     pw_assessment_get_id (assessment)) == 0)
        pw_report_draft_set_assessment_id (report, NULL);
      if (g_strcmp0 (pw_report_draft_get_compare_id (report),
                     pw_assessment_get_id (assessment)) == 0)
        pw_report_draft_set_compare_id (report, NULL);
    }

  g_hash_table_remove (self->assessment_by_id, pw_assessment_get_id (assessment));
  g_list_store_remove (self->assessments, position);
  pw_workbook_end_edit (self);
}

/**
 * pw_workbook_start_assessment:
 * @team_id: (nullable): the team assessed, or %NULL for the whole organization
 *
 * Adds a new, empty assessment dated today.  When the scope was assessed
 * before, the new one is the next round of its history.
 *
 * Returns: (transfer none): the new assessment
 */
PwAssessment *
pw_workbook_start_assessment (PwWorkbook *self,
                              const char *team_id)
{
  g_autoptr(PwAssessment) assessment = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *round = NULL;
  guint n;

  g_return_val_if_fail (PW_IS_WORKBOOK (self), NULL);
  g_return_val_if_fail (team_id == NULL || pw_org_map_find_team (self->org_map, team_id), NULL);

  /* Translators: what undo takes back */
  pw_workbook_begin_edit (self, _("New assessment"));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->assessments));
  for (guint i = 1;; i++)
    {
      g_autofree char *id = g_strdup_printf ("assessment-%u", n + i);

      if (pw_workbook_find_assessment (self, id) == NULL)
        {
          assessment = pw_assessment_new (id);
          break;
        }
    }

  pw_assessment_set_team_id (assessment, team_id);
  pw_assessment_set_date (assessment, date);
  pw_workbook_add_assessment (self, assessment);
  round = pw_workbook_default_round_label (self, assessment);
  pw_assessment_set_round (assessment, round);

  pw_workbook_end_edit (self);

  return assessment;
}

/**
 * pw_workbook_default_round_label:
 *
 * Returns: (transfer full): the label a new round of @assessment's scope
 *   gets: "Round N", N counting the assessments of the same scope up to
 *   and including it
 */
char *
pw_workbook_default_round_label (PwWorkbook   *self,
                                 PwAssessment *assessment)
{
  guint n, rounds = 1;

  g_return_val_if_fail (PW_IS_WORKBOOK (self), NULL);
  g_return_val_if_fail (PW_IS_ASSESSMENT (assessment), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->assessments));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwAssessment) other = g_list_model_get_item (G_LIST_MODEL (self->assessments), i);

      if (other == assessment)
        break;
      if (pw_assessment_same_scope (assessment, other))
        rounds++;
    }

  /* Translators: the label of an assessment round, e.g. "Round 2" */
  return g_strdup_printf (_("Round %u"), rounds);
}

/**
 * pw_workbook_set_assessment_scope:
 * @assessment: an assessment of the workbook
 * @team_id: (nullable): the id of a team of the org map, or %NULL for the
 *   whole organization
 *
 * Sets what @assessment looks at.  A round label the user did not write
 * follows the scope: an assessment labelled with its default label, as
 * pw_workbook_default_round_label() gives, is labelled anew for its new
 * scope ("Round 1" of a team assessed for the first time).  A label the
 * user wrote stays.  Undo takes both back as one edit.
 */
void
pw_workbook_set_assessment_scope (PwWorkbook   *self,
                                  PwAssessment *assessment,
                                  const char   *team_id)
{
  g_autofree char *old_label = NULL;
  gboolean automatic;

  g_return_if_fail (PW_IS_WORKBOOK (self));
  g_return_if_fail (PW_IS_ASSESSMENT (assessment));

  if (g_strcmp0 (pw_assessment_get_team_id (assessment), team_id) == 0)
    return;

  old_label = pw_workbook_default_round_label (self, assessment);
  automatic = g_strcmp0 (pw_assessment_get_round (assessment), old_label) == 0;

  /* The scope and the label that follows it are one edit, named as the
   * scope's change (its first). */
  pw_workbook_begin_edit (self, NULL);
  pw_assessment_set_team_id (assessment, team_id);

  if (automatic)
    {
      g_autofree char *label = pw_workbook_default_round_label (self, assessment);

      pw_assessment_set_round (assessment, label);
    }
  pw_workbook_end_edit (self);
}

/* Whether the assessment dated @a_date at @a_index of the list comes before
 * the one dated @b_date at @b_index: by date, and on the same date (or
 * without dates) by their order in the list.  Dates are YYYY-MM-DD, so
 * they compare as strings; a missing date comes first. */
static gboolean
comes_before (const char *a_date,
              guint       a_index,
              const char *b_date,
              guint       b_index)
{
  int cmp = g_strcmp0 (a_date, b_date);

  return cmp < 0 || (cmp == 0 && a_index < b_index);
}

/**
 * pw_workbook_get_previous_round:
 *
 * The round before @assessment is the latest assessment of the same scope
 * that comes before it by date; of several on one date, the list's order
 * decides.  A file may list its assessments in any order: the change since
 * the last round follows the dates, not the list.
 *
 * Returns: (transfer none) (nullable): the previous round of @assessment's
 *   scope, if any
 */
PwAssessment *
pw_workbook_get_previous_round (PwWorkbook   *self,
                                PwAssessment *assessment)
{
  PwAssessment *previous = NULL;
  const char *date, *previous_date = NULL;
  guint n, index, previous_index = 0;

  g_return_val_if_fail (PW_IS_WORKBOOK (self), NULL);
  g_return_val_if_fail (PW_IS_ASSESSMENT (assessment), NULL);

  if (!g_list_store_find (self->assessments, assessment, &index))
    return NULL;
  date = pw_assessment_get_date (assessment);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->assessments));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwAssessment) other = g_list_model_get_item (G_LIST_MODEL (self->assessments), i);
      const char *other_date = pw_assessment_get_date (other);

      if (other == assessment || !pw_assessment_same_scope (assessment, other))
        continue;
      if (!comes_before (other_date, i, date, index))
        continue;
      if (previous == NULL || comes_before (previous_date, previous_index, other_date, i))
        {
          previous = other;
          previous_date = other_date;
          previous_index = i;
        }
    }

  return previous;
}

/**
 * pw_workbook_find_latest_assessment:
 * @team_id: (nullable): a team of the map, or %NULL for the whole organization
 *
 * The latest assessment of a scope is the one with the latest date; of
 * several on one date, the one further down the list.  It is what the map,
 * the teams overview and the team panel show a team by.
 *
 * Returns: (transfer none) (nullable): the latest assessment of the scope,
 *   if there is one
 */
PwAssessment *
pw_workbook_find_latest_assessment (PwWorkbook *self,
                                    const char *team_id)
{
  PwAssessment *latest = NULL;
  const char *latest_date = NULL;
  guint latest_index = 0;
  guint n;

  g_return_val_if_fail (PW_IS_WORKBOOK (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->assessments));
  for (guint i = 0; i < n; i++)
    {
      PwAssessment *other = g_list_model_get_item (G_LIST_MODEL (self->assessments), i);
      const char *other_date = pw_assessment_get_date (other);

      /* The store holds a reference */
      g_object_unref (other);

      if (g_strcmp0 (pw_assessment_get_team_id (other), team_id) != 0)
        continue;
      if (latest == NULL || comes_before (latest_date, latest_index, other_date, i))
        {
          latest = other;
          latest_date = other_date;
          latest_index = i;
        }
    }

  return latest;
}

/**
 * pw_workbook_describe_scope:
 *
 * Returns: (transfer full): the scope of @assessment for people to read:
 *   "Whole organization", or the team's name
 */
char *
pw_workbook_describe_scope (PwWorkbook   *self,
                            PwAssessment *assessment)
{
  const char *team_id;
  PwTeam *team;

  g_return_val_if_fail (PW_IS_WORKBOOK (self), NULL);
  g_return_val_if_fail (PW_IS_ASSESSMENT (assessment), NULL);

  team_id = pw_assessment_get_team_id (assessment);
  if (team_id == NULL)
    return g_strdup (_("Whole organization"));

  team = pw_org_map_find_team (self->org_map, team_id);
  if (team != NULL && pw_team_get_name (team) != NULL && *pw_team_get_name (team) != '\0')
    return g_strdup (pw_team_get_name (team));

  return g_strdup (team_id);
}

/**
 * pw_workbook_get_org_map:
 *
 * Returns: (transfer none): the organization map
 */
PwOrgMap *
pw_workbook_get_org_map (PwWorkbook *self)
{
  g_return_val_if_fail (PW_IS_WORKBOOK (self), NULL);
  return self->org_map;
}

/**
 * pw_workbook_add_team:
 * @kind: a hub or a spoke
 * @name: (nullable): its name; %NULL for “New Hub” or “New Spoke”
 * @x: where its centre goes on the map
 * @y: where its centre goes on the map
 *
 * Adds a new team to the map, with an id no team has yet, as one edit
 * (“Add Hub” or “Add Spoke”).
 *
 * Returns: (transfer none): the new team
 */
PwTeam *
pw_workbook_add_team (PwWorkbook *self,
                      PwTeamKind  kind,
                      const char *name,
                      int         x,
                      int         y)
{
  g_autoptr(PwTeam) team = NULL;
  g_autofree char *id = NULL;
  gboolean hub = kind == PW_TEAM_HUB;

  g_return_val_if_fail (PW_IS_WORKBOOK (self), NULL);
  g_return_val_if_fail (kind == PW_TEAM_HUB || kind == PW_TEAM_SPOKE, NULL);

  if (name == NULL || *name == '\0')
    /* Translators: the name of a team just added to the organization map */
    name = hub ? _("New Hub") : _("New Spoke");

  id = pw_org_map_new_team_id (self->org_map);
  team = pw_team_new (id, kind, name);
  pw_team_set_x (team, CLAMP (x, PW_TEAM_MIN_COORDINATE, PW_TEAM_MAX_COORDINATE));
  pw_team_set_y (team, CLAMP (y, PW_TEAM_MIN_COORDINATE, PW_TEAM_MAX_COORDINATE));

  /* Translators: what undo takes back */
  pw_workbook_begin_edit (self, hub ? _("Add Hub") : _("Add Spoke"));
  pw_org_map_add_team (self->org_map, team);
  pw_workbook_end_edit (self);

  return team;
}

/**
 * pw_workbook_count_team_assessments:
 * @team_id: the id of a team
 *
 * Returns: how many assessments have the team @team_id as their scope: the
 *   ones that deleting the team deletes too
 */
guint
pw_workbook_count_team_assessments (PwWorkbook *self,
                                    const char *team_id)
{
  GListModel *assessments;
  guint count = 0;

  g_return_val_if_fail (PW_IS_WORKBOOK (self), 0);
  g_return_val_if_fail (team_id != NULL, 0);

  assessments = G_LIST_MODEL (self->assessments);
  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(PwAssessment) assessment = g_list_model_get_item (assessments, i);

      if (g_strcmp0 (pw_assessment_get_team_id (assessment), team_id) == 0)
        count++;
    }

  return count;
}

/**
 * pw_workbook_delete_teams:
 * @teams: (array length=n_teams): teams of the map
 * @n_teams: how many
 *
 * Deletes @teams as one edit (“Delete Team”, “Delete 3 Teams”): their
 * assessments first (report drafts about one of them then name no
 * assessment, as pw_workbook_remove_assessment() does), then their links,
 * then the teams, so that the workbook never names a missing team and
 * stays a file that loads.
 */
void
pw_workbook_delete_teams (PwWorkbook    *self,
                          PwTeam * const *teams,
                          guint          n_teams)
{
  g_autoptr(GPtrArray) doomed = NULL;
  g_autoptr(GHashTable) ids = NULL;
  GListModel *assessments;

  g_return_if_fail (PW_IS_WORKBOOK (self));
  g_return_if_fail (teams != NULL || n_teams == 0);

  /* Only the teams of this map, each once */
  doomed = g_ptr_array_new_with_free_func (g_object_unref);
  ids = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n_teams; i++)
    {
      const char *id;

      g_return_if_fail (PW_IS_TEAM (teams[i]));
      id = pw_team_get_id (teams[i]);
      if (pw_org_map_find_team (self->org_map, id) == teams[i]
          && g_hash_table_add (ids, (gpointer) id))
        g_ptr_array_add (doomed, g_object_ref (teams[i]));
    }

  if (doomed->len == 0)
    return;

  {
    /* Translators: what undo takes back; %u is how many teams */
    g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Delete Team",
                                                           "Delete %u Teams", doomed->len),
                                              doomed->len);

    pw_workbook_begin_edit (self, label);
  }

  assessments = G_LIST_MODEL (self->assessments);
  for (guint i = g_list_model_get_n_items (assessments); i > 0; i--)
    {
      g_autoptr(PwAssessment) assessment = g_list_model_get_item (assessments, i - 1);
      const char *team_id = pw_assessment_get_team_id (assessment);

      if (team_id != NULL && g_hash_table_contains (ids, team_id))
        pw_workbook_remove_assessment (self, assessment);
    }

  for (guint i = 0; i < doomed->len; i++)
    pw_org_map_remove_team (self->org_map, g_ptr_array_index (doomed, i));

  pw_workbook_end_edit (self);
}

/**
 * pw_workbook_move_teams:
 * @teams: (array length=n_teams): teams of the map
 * @n_teams: how many
 * @dx: how far to the right, in map units
 * @dy: how far down, in map units
 *
 * Moves @teams as one edit (“Move Team”, “Move Teams”), keeping them inside
 * the map’s range.
 */
void
pw_workbook_move_teams (PwWorkbook    *self,
                        PwTeam * const *teams,
                        guint          n_teams,
                        int            dx,
                        int            dy)
{
  g_return_if_fail (PW_IS_WORKBOOK (self));
  g_return_if_fail (teams != NULL || n_teams == 0);

  if (n_teams == 0 || (dx == 0 && dy == 0))
    return;

  /* Translators: what undo takes back */
  pw_workbook_begin_edit (self, n_teams == 1 ? _("Move Team") : _("Move Teams"));
  for (guint i = 0; i < n_teams; i++)
    {
      PwTeam *team = teams[i];
      gint64 x, y;

      g_return_if_fail (PW_IS_TEAM (team));
      x = (gint64) pw_team_get_x (team) + dx;
      y = (gint64) pw_team_get_y (team) + dy;
      g_object_freeze_notify (G_OBJECT (team));
      pw_team_set_x (team, (int) CLAMP (x, PW_TEAM_MIN_COORDINATE, PW_TEAM_MAX_COORDINATE));
      pw_team_set_y (team, (int) CLAMP (y, PW_TEAM_MIN_COORDINATE, PW_TEAM_MAX_COORDINATE));
      g_object_thaw_notify (G_OBJECT (team));
    }
  pw_workbook_end_edit (self);
}

/**
 * pw_workbook_get_policy:
 *
 * Returns: (transfer none): the policy checklist
 */
PwPolicy *
pw_workbook_get_policy (PwWorkbook *self)
{
  g_return_val_if_fail (PW_IS_WORKBOOK (self), NULL);
  return self->policy;
}

/**
 * pw_workbook_get_reports:
 *
 * Returns: (transfer none): a #GListModel of #PwReportDraft
 */
GListModel *
pw_workbook_get_reports (PwWorkbook *self)
{
  g_return_val_if_fail (PW_IS_WORKBOOK (self), NULL);
  return G_LIST_MODEL (self->reports);
}

/**
 * pw_workbook_find_report:
 *
 * Returns: (transfer none) (nullable): the report draft with @id
 */
PwReportDraft *
pw_workbook_find_report (PwWorkbook *self,
                         const char *id)
{
  g_return_val_if_fail (PW_IS_WORKBOOK (self), NULL);

  return id ? g_hash_table_lookup (self->report_by_id, id) : NULL;
}

void
pw_workbook_add_report (PwWorkbook    *self,
                        PwReportDraft *report)
{
  g_return_if_fail (PW_IS_WORKBOOK (self));
  g_return_if_fail (PW_IS_REPORT_DRAFT (report));
  g_return_if_fail (pw_workbook_find_report (self, pw_report_draft_get_id (report)) == NULL);

  g_hash_table_insert (self->report_by_id, (gpointer) pw_report_draft_get_id (report), report);
  g_signal_connect_object (report, "notify", G_CALLBACK (mark_modified_cb), self,
                           G_CONNECT_SWAPPED);
  g_list_store_append (self->reports, report);
}

void
pw_workbook_remove_report (PwWorkbook    *self,
                           PwReportDraft *report)
{
  guint position;

  g_return_if_fail (PW_IS_WORKBOOK (self));
  g_return_if_fail (PW_IS_REPORT_DRAFT (report));

  if (!g_list_store_find (self->reports, report, &position))
    return;

  g_signal_handlers_disconnect_by_func (report, mark_modified_cb, self);
  g_hash_table_remove (self->report_by_id, pw_report_draft_get_id (report));
  g_list_store_remove (self->reports, position);
}

/**
 * pw_workbook_get_generation:
 *
 * Returns: a number that grows with every edit, so that a save can tell
 *   whether the workbook changed while it was being written
 */
guint64
pw_workbook_get_generation (PwWorkbook *self)
{
  g_return_val_if_fail (PW_IS_WORKBOOK (self), 0);
  return self->generation;
}

/**
 * pw_workbook_begin_edit:
 * @label: (nullable): what the edit does, for people: "New assessment"
 *
 * Starts an edit of several changes that undo takes back as one: until the
 * matching pw_workbook_end_edit(), every change belongs to it.  Edits nest.
 */
void
pw_workbook_begin_edit (PwWorkbook *self,
                        const char *label)
{
  g_return_if_fail (PW_IS_WORKBOOK (self));

  if (self->edit_depth++ == 0)
    g_signal_emit (self, signals [BEGIN_EDIT], 0, label);
}

void
pw_workbook_end_edit (PwWorkbook *self)
{
  g_return_if_fail (PW_IS_WORKBOOK (self));
  g_return_if_fail (self->edit_depth > 0);

  if (--self->edit_depth == 0)
    g_signal_emit (self, signals [END_EDIT], 0);
}
