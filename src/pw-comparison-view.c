/* pw-comparison-view.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-comparison-view"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "pw-comparison-view.h"
#include "pw-radar-chart.h"
#include "pw-widget-utils.h"

/**
 * PwComparisonView:
 *
 * Two assessments of a workbook side by side: two dropdowns choose them
 * ("Before" and "After"; at first the latest round and the round of its
 * scope before it), then the overall score of both and its change, both
 * profiles on one radar chart (the earlier as the previous series), each
 * dimension's change, and the questions one by one with both answers and
 * what moved — up, down, the same, changed, or asked only in one of them
 * (an answer a later framework retired, a question it added).  A switch
 * hides the questions answered the same in both.
 *
 * The comparison is a #PwComparison; the view follows its workbook and
 * compares again, once the main loop is idle, after any edit.  The view
 * scrolls on its own; it asks for its natural height, so it also fits in a
 * scrolled page.
 */

struct _PwComparisonView
{
  AdwBin            parent_instance;

  /* Template widgets */
  AdwActionRow     *first_row;
  AdwActionRow     *second_row;
  GtkDropDown      *first_dropdown;
  GtkDropDown      *second_dropdown;
  AdwStatusPage    *empty_page;
  GtkWidget        *content_box;
  GtkLabel         *overall_label;
  GtkWidget        *change_box;
  GtkImage         *change_icon;
  GtkLabel         *change_label;
  PwRadarChart     *chart;
  GtkLabel         *legend_first_label;
  GtkLabel         *legend_second_label;
  GtkListBox       *dimensions_list;
  GtkLabel         *counts_label;
  GtkSwitch        *only_moved_switch;
  GtkListBox       *questions_list;
  GtkWidget        *nothing_moved_label;

  PwWorkbook       *workbook;
  PwAssessment     *first;
  PwAssessment     *second;
  PwComparison     *comparison;
  GSignalGroup     *workbook_signals;
  guint             refresh_id;
  gboolean          dirty;          /* changed while not shown */
  gboolean          syncing;        /* setting the dropdowns from the properties */
  gboolean          only_moved;
  guint             n_shown;
};

G_DEFINE_FINAL_TYPE (PwComparisonView, pw_comparison_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_WORKBOOK,
  PROP_FIRST,
  PROP_SECOND,
  PROP_ONLY_MOVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define ROW_CHANGE_KEY "pw-comparison-change"
#define ROW_DIMENSION_KEY "pw-comparison-dimension"

/* Choosing */

static guint
find_position (GListModel *model,
               gpointer    item)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) each = g_list_model_get_item (model, i);

      if (each == item)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static gboolean
in_workbook (PwComparisonView *self,
             PwAssessment     *assessment)
{
  return self->workbook != NULL && assessment != NULL
         && find_position (pw_workbook_get_assessments (self->workbook), assessment)
            != GTK_INVALID_LIST_POSITION;
}

/* The latest assessment by date (the last of those of one date), else
 * %NULL; never @except */
static PwAssessment *
find_latest (PwWorkbook   *workbook,
             PwAssessment *except)
{
  GListModel *assessments = pw_workbook_get_assessments (workbook);
  PwAssessment *latest = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(PwAssessment) each = g_list_model_get_item (assessments, i);

      if (each == except)
        continue;
      if (latest == NULL
          || g_strcmp0 (pw_assessment_get_date (each), pw_assessment_get_date (latest)) >= 0)
        latest = each;
    }

  return latest;
}

static void
sync_dropdown (PwComparisonView *self,
               GtkDropDown      *dropdown,
               PwAssessment     *assessment)
{
  guint position = GTK_INVALID_LIST_POSITION;

  if (self->workbook != NULL && assessment != NULL)
    position = find_position (pw_workbook_get_assessments (self->workbook), assessment);

  self->syncing = TRUE;
  gtk_drop_down_set_selected (dropdown, position);
  self->syncing = FALSE;
}

static void queue_refresh (PwComparisonView *self);

static gboolean
replace_assessment (PwComparisonView  *self,
                    PwAssessment     **field,
                    PwAssessment      *assessment,
                    GParamSpec        *pspec)
{
  if (!g_set_object (field, assessment))
    return FALSE;

  sync_dropdown (self, field == &self->first ? self->first_dropdown : self->second_dropdown,
                 assessment);
  queue_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);

  return TRUE;
}

/* The latest round of a scope and the one before it; without an earlier
 * round of the scope, the latest other assessment */
static void
choose_defaults (PwComparisonView *self)
{
  PwAssessment *second = NULL;
  PwAssessment *first = NULL;

  if (self->workbook != NULL)
    {
      second = find_latest (self->workbook, NULL);
      if (second != NULL)
        first = pw_workbook_get_previous_round (self->workbook, second);
      if (second != NULL && first == NULL)
        first = find_latest (self->workbook, second);
    }

  replace_assessment (self, &self->first, first, properties[PROP_FIRST]);
  replace_assessment (self, &self->second, second, properties[PROP_SECOND]);
}

/* Showing */

static GtkWidget *
new_change_tag (PwComparisonChange change)
{
  GtkWidget *label;
  const char *text = NULL;
  const char *style = "dim-label";

  switch (change)
    {
    case PW_COMPARISON_UP:
      /* Translators: a question answered with a higher phase after than before */
      text = C_("comparison", "Up");
      style = "success";
      break;
    case PW_COMPARISON_DOWN:
      /* Translators: a question answered with a lower phase after than before */
      text = C_("comparison", "Down");
      style = "warning";
      break;
    case PW_COMPARISON_CHANGED:
      /* Translators: a question answered differently, not both with a phase
       * (e.g. "Don’t know" after a phase) */
      text = C_("comparison", "Changed");
      style = "accent";
      break;
    case PW_COMPARISON_ONLY_FIRST:
      /* Translators: a question only the earlier assessment was asked */
      text = C_("comparison", "Only before");
      break;
    case PW_COMPARISON_ONLY_SECOND:
      /* Translators: a question only the later assessment was asked */
      text = C_("comparison", "Only after");
      break;
    case PW_COMPARISON_SAME:
    default:
      /* Translators: a question answered the same in both assessments */
      text = C_("comparison", "Same");
      break;
    }

  label = gtk_label_new (text);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, style);

  return label;
}

static const char *
dimension_name (PwFramework *framework,
                const char  *id)
{
  const PwDimension *dimension = id != NULL ? pw_framework_find_dimension (framework, id) : NULL;

  if (dimension == NULL)
    /* Translators: the heading of questions of an earlier framework version
     * that belong to no dimension of the current one */
    return _("Retired Questions");

  return dimension->name;
}

static void
remove_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
show_overall (PwComparisonView *self,
              const char       *since)
{
  g_auto(PwResultChange) change = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *text = NULL;
  double a, b;

  pw_comparison_get_overall (self->comparison, &a, &b);
  before = pw_result_text_dimension_value (!isnan (a), a);
  after = pw_result_text_dimension_value (!isnan (b), b);

  /* Translators: the overall score before and after, "Overall score 2.4 → 3.1" */
  text = g_strdup_printf (_("Overall score %s → %s"), before, after);
  gtk_label_set_label (self->overall_label, text);
  g_clear_pointer (&text, g_free);
  /* Translators: the same for screen readers, "Overall score 2.4 before, 3.1 after" */
  text = g_strdup_printf (_("Overall score %s before, %s after"), before, after);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->overall_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);

  pw_result_text_describe_change (&change, !isnan (b), b, !isnan (a), a, since);
  gtk_widget_set_visible (self->change_box, change.text != NULL);
  if (change.text != NULL)
    {
      _pw_show_change (self->change_box, self->change_icon, self->change_label, &change);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->change_label),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, change.accessible, -1);
    }
}

static void
show_dimensions (PwComparisonView *self,
                 PwFramework      *framework,
                 const char       *first_name,
                 const char       *second_name)
{
  guint n = pw_framework_get_n_dimensions (framework);
  g_autofree const char **labels = g_new0 (const char *, n + 1);
  g_autofree double *current = g_new (double, n);
  g_autofree double *previous = g_new (double, n);
  const char *id;

  remove_rows (self->dimensions_list);

  for (guint i = 0; i < n && pw_comparison_get_dimension (self->comparison, i, &id,
                                                           &previous[i], &current[i]); i++)
    {
      g_auto(PwResultChange) change = { 0 };
      g_autofree char *before = pw_result_text_dimension_value (!isnan (previous[i]), previous[i]);
      g_autofree char *after = pw_result_text_dimension_value (!isnan (current[i]), current[i]);
      g_autofree char *subtitle = NULL;
      g_autofree char *description = NULL;
      GtkWidget *row = adw_action_row_new ();

      labels[i] = dimension_name (framework, id);

      /* Translators: a dimension's score before and after, "2.4 → 3.1" */
      subtitle = g_strdup_printf (_("%s → %s"), before, after);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), labels[i]);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      pw_result_text_describe_change (&change, !isnan (current[i]), current[i],
                                      !isnan (previous[i]), previous[i], first_name);
      if (change.text != NULL)
        {
          GtkWidget *label = gtk_label_new (change.text);

          gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (label, "numeric");
          if (change.kind == PW_RESULT_CHANGE_UP)
            gtk_widget_add_css_class (label, "success");
          else if (change.kind == PW_RESULT_CHANGE_DOWN)
            gtk_widget_add_css_class (label, "warning");
          else
            gtk_widget_add_css_class (label, "dim-label");
          gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, change.accessible, -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
        }

      /* Translators: a dimension's scores for screen readers, "2.4 before, 3.1 after" */
      description = g_strdup_printf (_("%s before, %s after"), before, after);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
      gtk_list_box_append (self->dimensions_list, row);
    }

  pw_radar_chart_set_series (self->chart, n, labels, current, previous);
  gtk_label_set_label (self->legend_first_label, first_name);
  gtk_label_set_label (self->legend_second_label, second_name);
}

static void
show_counts (PwComparisonView *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint only_first = pw_comparison_count (self->comparison, PW_COMPARISON_ONLY_FIRST);
  guint only_second = pw_comparison_count (self->comparison, PW_COMPARISON_ONLY_SECOND);

  /* Translators: how many questions moved which way, "Up: 3 · Down: 1 · Changed: 2 · Same: 40" */
  g_string_printf (text, _("Up: %u · Down: %u · Changed: %u · Same: %u"),
                   pw_comparison_count (self->comparison, PW_COMPARISON_UP),
                   pw_comparison_count (self->comparison, PW_COMPARISON_DOWN),
                   pw_comparison_count (self->comparison, PW_COMPARISON_CHANGED),
                   pw_comparison_count (self->comparison, PW_COMPARISON_SAME));
  if (only_first > 0)
    /* Translators: appended to the counts: questions only the earlier assessment was asked */
    g_string_append_printf (text, _(" · Only before: %u"), only_first);
  if (only_second > 0)
    /* Translators: appended to the counts: questions only the later assessment was asked */
    g_string_append_printf (text, _(" · Only after: %u"), only_second);

  gtk_label_set_label (self->counts_label, text->str);
}

static GtkWidget *
new_question_row (const PwComparisonRow *row)
{
  GtkWidget *widget = adw_action_row_new ();
  g_autofree char *subtitle = NULL;

  /* Translators: a question's answers in the earlier and the later assessment,
   * on two lines: "Before: Phase 2: …\nAfter: Don’t know" */
  subtitle = g_strdup_printf (_("Before: %s\nAfter: %s"), row->first_answer, row->second_answer);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (widget), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widget), row->question);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (widget), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (widget), new_change_tag (row->change));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (widget), FALSE);

  g_object_set_data (G_OBJECT (widget), ROW_CHANGE_KEY, GINT_TO_POINTER (row->change));
  g_object_set_data_full (G_OBJECT (widget), ROW_DIMENSION_KEY,
                          g_strdup (row->dimension_id), g_free);

  return widget;
}

static void
count_shown (PwComparisonView *self)
{
  self->n_shown = 0;
  for (guint i = 0; i < pw_comparison_get_n_rows (self->comparison); i++)
    if (!self->only_moved
        || pw_comparison_get_row (self->comparison, i)->change != PW_COMPARISON_SAME)
      self->n_shown++;

  gtk_widget_set_visible (GTK_WIDGET (self->questions_list), self->n_shown > 0);
  gtk_widget_set_visible (self->nothing_moved_label, self->n_shown == 0);
}

static void
show_questions (PwComparisonView *self)
{
  remove_rows (self->questions_list);

  for (guint i = 0; i < pw_comparison_get_n_rows (self->comparison); i++)
    gtk_list_box_append (self->questions_list,
                         new_question_row (pw_comparison_get_row (self->comparison, i)));

  count_shown (self);
}

static void
show_empty (PwComparisonView *self)
{
  const char *description;

  if (self->workbook == NULL
      || g_list_model_get_n_items (pw_workbook_get_assessments (self->workbook)) < 2)
    description = _("A comparison needs two assessments. Assess again to see what moved.");
  else
    description = _("Choose two different assessments to compare.");

  adw_status_page_set_description (self->empty_page, description);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), TRUE);
  gtk_widget_set_visible (self->content_box, FALSE);
  remove_rows (self->dimensions_list);
  remove_rows (self->questions_list);
  self->n_shown = 0;
}

static void
refresh (PwComparisonView *self)
{
  g_autofree char *first_name = NULL;
  g_autofree char *second_name = NULL;

  /* Done from here on, also for a getter called as the defaults change */
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->dirty = FALSE;

  /* An assessment compared was deleted, or there was none to compare:
   * back to the defaults */
  if (self->workbook != NULL
      && (!in_workbook (self, self->first) || !in_workbook (self, self->second)))
    choose_defaults (self);

  g_clear_object (&self->comparison);

  gtk_widget_set_sensitive (GTK_WIDGET (self->first_row), self->workbook != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->second_row), self->workbook != NULL);

  if (self->workbook == NULL || self->first == NULL || self->second == NULL
      || self->first == self->second)
    {
      show_empty (self);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), FALSE);
  gtk_widget_set_visible (self->content_box, TRUE);

  self->comparison = pw_comparison_new (self->workbook, self->first, self->second);
  first_name = pw_result_text_round_name (self->first);
  second_name = pw_result_text_round_name (self->second);

  show_overall (self, first_name);
  show_dimensions (self, pw_workbook_get_framework (self->workbook), first_name, second_name);
  show_counts (self);
  show_questions (self);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  PwComparisonView *self = user_data;

  self->refresh_id = 0;
  refresh (self);

  return G_SOURCE_REMOVE;
}

/* A view that is not shown (the report page's, without a comparison) only
 * notes that it must compare again: every keystroke in a note changes the
 * workbook, and a comparison lays out a row per question. */
static void
queue_refresh (PwComparisonView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }

  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_idle_cb, self, NULL);
}

static void
pw_comparison_view_map (GtkWidget *widget)
{
  PwComparisonView *self = PW_COMPARISON_VIEW (widget);

  GTK_WIDGET_CLASS (pw_comparison_view_parent_class)->map (widget);

  if (self->dirty)
    queue_refresh (self);
}

/* Before anything of the comparison is read, a pending refresh is done. */
static void
flush (PwComparisonView *self)
{
  if (self->refresh_id != 0 || self->dirty)
    refresh (self);
}

/* Callbacks */

static void
workbook_changed_cb (PwComparisonView *self,
                     PwWorkbook       *workbook)
{
  queue_refresh (self);
}

static void
dropdown_selected_cb (PwComparisonView *self,
                      GParamSpec       *pspec,
                      GtkDropDown      *dropdown)
{
  PwAssessment *assessment;

  if (self->syncing)
    return;

  /* The list changes under the dropdown: an assessment compared went.
   * The dropdowns are set again once it has changed (refresh()). */
  if (!in_workbook (self, self->first) || !in_workbook (self, self->second))
    return;

  assessment = gtk_drop_down_get_selected_item (dropdown);
  if (dropdown == self->first_dropdown)
    pw_comparison_view_set_first (self, assessment);
  else
    pw_comparison_view_set_second (self, assessment);
}

static void
only_moved_cb (PwComparisonView *self,
               GParamSpec       *pspec,
               GtkSwitch        *toggle)
{
  pw_comparison_view_set_only_moved (self, gtk_switch_get_active (toggle));
}

static gboolean
filter_row_cb (GtkListBoxRow *row,
               gpointer       user_data)
{
  PwComparisonView *self = user_data;
  PwComparisonChange change =
    GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), ROW_CHANGE_KEY));

  return !self->only_moved || change != PW_COMPARISON_SAME;
}

/* A heading over the first question of each dimension */
static void
header_cb (GtkListBoxRow *row,
           GtkListBoxRow *before,
           gpointer       user_data)
{
  PwComparisonView *self = user_data;
  const char *dimension = g_object_get_data (G_OBJECT (row), ROW_DIMENSION_KEY);
  GtkWidget *header;

  if (before != NULL
      && g_strcmp0 (dimension, g_object_get_data (G_OBJECT (before), ROW_DIMENSION_KEY)) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  if (self->workbook == NULL)
    return;

  header = gtk_label_new (dimension_name (pw_workbook_get_framework (self->workbook),
                                          dimension));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_label_set_wrap (GTK_LABEL (header), TRUE);
  gtk_widget_set_margin_top (header, 12);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 12);
  gtk_widget_add_css_class (header, "heading");
  gtk_list_box_row_set_header (row, header);
}

/* How an assessment is named in the dropdowns: its scope, round and date */
static char *
assessment_name_cb (PwAssessment     *assessment,
                    PwComparisonView *self)
{
  if (assessment == NULL)
    return NULL;

  if (self->workbook == NULL)
    return pw_result_text_round_name (assessment);

  return pw_result_text_heading (self->workbook, assessment);
}

/* GObject */

static void
pw_comparison_view_dispose (GObject *object)
{
  PwComparisonView *self = (PwComparisonView *)object;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->workbook_signals != NULL)
    g_signal_group_set_target (self->workbook_signals, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_COMPARISON_VIEW);
  g_clear_object (&self->workbook_signals);
  g_clear_object (&self->comparison);
  g_clear_object (&self->first);
  g_clear_object (&self->second);
  g_clear_object (&self->workbook);

  G_OBJECT_CLASS (pw_comparison_view_parent_class)->dispose (object);
}

static void
pw_comparison_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PwComparisonView *self = PW_COMPARISON_VIEW (object);

  switch (prop_id)
    {
    case PROP_WORKBOOK:
      g_value_set_object (value, self->workbook);
      break;
    case PROP_FIRST:
      g_value_set_object (value, self->first);
      break;
    case PROP_SECOND:
      g_value_set_object (value, self->second);
      break;
    case PROP_ONLY_MOVED:
      g_value_set_boolean (value, self->only_moved);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_comparison_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PwComparisonView *self = PW_COMPARISON_VIEW (object);

  switch (prop_id)
    {
    case PROP_WORKBOOK:
      pw_comparison_view_set_workbook (self, g_value_get_object (value));
      break;
    case PROP_FIRST:
      pw_comparison_view_set_first (self, g_value_get_object (value));
      break;
    case PROP_SECOND:
      pw_comparison_view_set_second (self, g_value_get_object (value));
      break;
    case PROP_ONLY_MOVED:
      pw_comparison_view_set_only_moved (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_comparison_view_class_init (PwComparisonViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_comparison_view_dispose;
  object_class->get_property = pw_comparison_view_get_property;
  object_class->set_property = pw_comparison_view_set_property;
  widget_class->map = pw_comparison_view_map;

  /**
   * PwComparisonView:workbook:
   *
   * The workbook whose assessments are compared; setting it chooses the
   * latest round and the one before.
   */
  properties[PROP_WORKBOOK] =
    g_param_spec_object ("workbook", NULL, NULL,
                         PW_TYPE_WORKBOOK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PwComparisonView:first:
   *
   * The assessment compared from ("Before"), as the user chose it.
   */
  properties[PROP_FIRST] =
    g_param_spec_object ("first", NULL, NULL,
                         PW_TYPE_ASSESSMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PwComparisonView:second:
   *
   * The assessment compared to ("After"), as the user chose it.
   */
  properties[PROP_SECOND] =
    g_param_spec_object ("second", NULL, NULL,
                         PW_TYPE_ASSESSMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PwComparisonView:only-moved:
   *
   * Whether the questions answered the same in both are hidden.
   */
  properties[PROP_ONLY_MOVED] =
    g_param_spec_boolean ("only-moved", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PW_TYPE_RADAR_CHART);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/pw-comparison-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PwComparisonView, first_row);
  gtk_widget_class_bind_template_child (widget_class, PwComparisonView, second_row);
  gtk_widget_class_bind_template_child (widget_class, PwComparisonView, first_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PwComparisonView, second_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PwComparisonView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PwComparisonView, content_box);
  gtk_widget_class_bind_template_child (widget_class, PwComparisonView, overall_label);
  gtk_widget_class_bind_template_child (widget_class, PwComparisonView, change_box);
  gtk_widget_class_bind_template_child (widget_class, PwComparisonView, change_icon);
  gtk_widget_class_bind_template_child (widget_class, PwComparisonView, change_label);
  gtk_widget_class_bind_template_child (widget_class, PwComparisonView, chart);
  gtk_widget_class_bind_template_child (widget_class, PwComparisonView, legend_first_label);
  gtk_widget_class_bind_template_child (widget_class, PwComparisonView, legend_second_label);
  gtk_widget_class_bind_template_child (widget_class, PwComparisonView, dimensions_list);
  gtk_widget_class_bind_template_child (widget_class, PwComparisonView, counts_label);
  gtk_widget_class_bind_template_child (widget_class, PwComparisonView, only_moved_switch);
  gtk_widget_class_bind_template_child (widget_class, PwComparisonView, questions_list);
  gtk_widget_class_bind_template_child (widget_class, PwComparisonView, nothing_moved_label);
}

static void
pw_comparison_view_init (PwComparisonView *self)
{
  GtkDropDown *dropdowns[2];

  self->workbook_signals = g_signal_group_new (PW_TYPE_WORKBOOK);
  g_signal_group_connect_object (self->workbook_signals, "changed",
                                 G_CALLBACK (workbook_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_init_template (GTK_WIDGET (self));

  dropdowns[0] = self->first_dropdown;
  dropdowns[1] = self->second_dropdown;
  for (guint i = 0; i < G_N_ELEMENTS (dropdowns); i++)
    {
      GtkExpression *expression =
        gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                     G_CALLBACK (assessment_name_cb), self, NULL);

      gtk_drop_down_set_expression (dropdowns[i], expression);
      gtk_expression_unref (expression);
      g_signal_connect_object (dropdowns[i], "notify::selected",
                               G_CALLBACK (dropdown_selected_cb), self, G_CONNECT_SWAPPED);
    }

  g_signal_connect_object (self->only_moved_switch, "notify::active",
                           G_CALLBACK (only_moved_cb), self, G_CONNECT_SWAPPED);
  gtk_list_box_set_filter_func (self->questions_list, filter_row_cb, self, NULL);
  gtk_list_box_set_header_func (self->questions_list, header_cb, self, NULL);

  refresh (self);
}

/**
 * pw_comparison_view_new:
 *
 * Returns: (transfer floating): a new comparison view without a workbook
 */
GtkWidget *
pw_comparison_view_new (void)
{
  return g_object_new (PW_TYPE_COMPARISON_VIEW, NULL);
}

/**
 * pw_comparison_view_get_workbook:
 *
 * Returns: (transfer none) (nullable): the workbook compared in
 */
PwWorkbook *
pw_comparison_view_get_workbook (PwComparisonView *self)
{
  g_return_val_if_fail (PW_IS_COMPARISON_VIEW (self), NULL);

  return self->workbook;
}

/**
 * pw_comparison_view_set_workbook:
 * @workbook: (nullable): the workbook
 *
 * Shows @workbook's assessments in the dropdowns and compares the latest
 * round with the round of its scope before it.
 */
void
pw_comparison_view_set_workbook (PwComparisonView *self,
                                 PwWorkbook       *workbook)
{
  GListModel *model = NULL;

  g_return_if_fail (PW_IS_COMPARISON_VIEW (self));
  g_return_if_fail (workbook == NULL || PW_IS_WORKBOOK (workbook));

  if (!g_set_object (&self->workbook, workbook))
    return;

  if (workbook != NULL)
    model = pw_workbook_get_assessments (workbook);

  self->syncing = TRUE;
  gtk_drop_down_set_model (self->first_dropdown, model);
  gtk_drop_down_set_model (self->second_dropdown, model);
  self->syncing = FALSE;

  g_signal_group_set_target (self->workbook_signals, workbook);
  choose_defaults (self);
  sync_dropdown (self, self->first_dropdown, self->first);
  sync_dropdown (self, self->second_dropdown, self->second);
  refresh (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKBOOK]);
}

/**
 * pw_comparison_view_get_first:
 *
 * Returns: (transfer none) (nullable): the assessment compared from
 */
PwAssessment *
pw_comparison_view_get_first (PwComparisonView *self)
{
  g_return_val_if_fail (PW_IS_COMPARISON_VIEW (self), NULL);

  flush (self);
  return self->first;
}

/**
 * pw_comparison_view_set_first:
 * @first: (nullable): an assessment of the workbook
 *
 * Compares from @first, as choosing it in "Before" does.
 */
void
pw_comparison_view_set_first (PwComparisonView *self,
                              PwAssessment     *first)
{
  g_return_if_fail (PW_IS_COMPARISON_VIEW (self));
  g_return_if_fail (first == NULL || PW_IS_ASSESSMENT (first));

  replace_assessment (self, &self->first, first, properties[PROP_FIRST]);
}

/**
 * pw_comparison_view_get_second:
 *
 * Returns: (transfer none) (nullable): the assessment compared to
 */
PwAssessment *
pw_comparison_view_get_second (PwComparisonView *self)
{
  g_return_val_if_fail (PW_IS_COMPARISON_VIEW (self), NULL);

  flush (self);
  return self->second;
}

/**
 * pw_comparison_view_set_second:
 * @second: (nullable): an assessment of the workbook
 *
 * Compares to @second, as choosing it in "After" does.
 */
void
pw_comparison_view_set_second (PwComparisonView *self,
                               PwAssessment     *second)
{
  g_return_if_fail (PW_IS_COMPARISON_VIEW (self));
  g_return_if_fail (second == NULL || PW_IS_ASSESSMENT (second));

  replace_assessment (self, &self->second, second, properties[PROP_SECOND]);
}

/**
 * pw_comparison_view_get_only_moved:
 *
 * Returns: whether only the questions that moved are listed
 */
gboolean
pw_comparison_view_get_only_moved (PwComparisonView *self)
{
  g_return_val_if_fail (PW_IS_COMPARISON_VIEW (self), FALSE);

  return self->only_moved;
}

/**
 * pw_comparison_view_set_only_moved:
 *
 * Hides the questions answered the same in both, or shows them again, as
 * the switch "Only What Moved" does.
 */
void
pw_comparison_view_set_only_moved (PwComparisonView *self,
                                   gboolean          only_moved)
{
  g_return_if_fail (PW_IS_COMPARISON_VIEW (self));

  only_moved = !!only_moved;
  if (self->only_moved == only_moved)
    return;

  self->only_moved = only_moved;
  gtk_switch_set_active (self->only_moved_switch, only_moved);
  gtk_list_box_invalidate_filter (self->questions_list);
  gtk_list_box_invalidate_headers (self->questions_list);
  if (self->comparison != NULL)
    count_shown (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLY_MOVED]);
}

/**
 * pw_comparison_view_get_comparison:
 *
 * Returns: (transfer none) (nullable): the comparison shown, %NULL while
 *   there are not two different assessments to compare
 */
PwComparison *
pw_comparison_view_get_comparison (PwComparisonView *self)
{
  g_return_val_if_fail (PW_IS_COMPARISON_VIEW (self), NULL);

  flush (self);

  return self->comparison;
}

/**
 * pw_comparison_view_get_n_shown_rows:
 *
 * Returns: how many questions the list shows, after the filter
 */
guint
pw_comparison_view_get_n_shown_rows (PwComparisonView *self)
{
  g_return_val_if_fail (PW_IS_COMPARISON_VIEW (self), 0);

  flush (self);

  return self->n_shown;
}
