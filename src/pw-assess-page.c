/* pw-assess-page.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-assess-page"

#include "config.h"

#include <glib/gi18n.h>

#include "pw-assess-page.h"
#include "pw-window.h"
#include "pw-wizard.h"

/**
 * PwAssessPage:
 *
 * The Assess area of a workbook: the assessments, newest rounds of each
 * scope with their history, in a sidebar, and the wizard with the result of
 * the selected one.
 */
struct _PwAssessPage
{
  AdwBin        parent_instance;

  AdwLeaflet   *leaflet;
  GtkWidget    *sidebar;
  GtkWidget    *separator;
  GtkListBox   *list;
  GtkStack     *content_stack;
  AdwBin       *wizard_bin;

  PwDocument   *document;
  PwWorkbook   *workbook;
  PwAssessment *selected;
};

G_DEFINE_FINAL_TYPE (PwAssessPage, pw_assess_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SIDEBAR_VISIBLE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
update_row (GtkWidget    *row,
            PwAssessment *assessment)
{
  PwAssessPage *self = g_object_get_data (G_OBJECT (row), "pw-page");
  GtkLabel *title = g_object_get_data (G_OBJECT (row), "pw-title");
  GtkLabel *subtitle = g_object_get_data (G_OBJECT (row), "pw-subtitle");
  GtkLabel *badge = g_object_get_data (G_OBJECT (row), "pw-badge");
  g_autofree char *scope = NULL;
  g_autofree char *details = NULL;
  g_autofree char *phase = NULL;
  g_autofree char *badge_text = NULL;
  g_autofree char *accessible = NULL;
  g_autoptr(PwScore) score = NULL;
  const char *round = pw_assessment_get_round (assessment);

  if (self->workbook == NULL)
    return;

  scope = pw_workbook_describe_scope (self->workbook, assessment);
  /* Translators: an assessment in the list: its round label and date */
  details = g_strdup_printf (_("%s · %s"), round && *round ? round : _("Assessment"),
                             pw_assessment_get_date (assessment));
  score = pw_score_compute (pw_workbook_get_framework (self->workbook), assessment,
                            pw_workbook_get_policy (self->workbook));

  gtk_label_set_label (title, scope);
  gtk_label_set_label (subtitle, details);

  /* The badge shows the overall phase, "Phase 2"; its tooltip and what a
   * screen reader says for the row name it too: "Phase 2 · The Seekers". */
  if (score->has_score)
    {
      /* Translators: the overall phase of an assessment in the sidebar's list */
      badge_text = g_strdup_printf (C_("sidebar", "Phase %d"), score->phase);
      phase = pw_result_text_phase (pw_workbook_get_framework (self->workbook), score->phase);
      /* Translators: spoken for an assessment in the list: its scope, round
       * and date, then its phase, "Phase 2 · The Seekers" */
      accessible = g_strdup_printf (_("%s, %s, %s"), scope, details, phase);
    }
  else
    {
      /* Translators: in the sidebar's list, in place of the phase of an
       * assessment that has no result yet (no question answered) */
      badge_text = g_strdup (C_("sidebar", "No result yet"));
      phase = g_strdup (badge_text);
      /* Translators: spoken for an assessment in the list without a result */
      accessible = g_strdup_printf (_("%s, %s, no result yet"), scope, details);
    }

  gtk_label_set_label (badge, badge_text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (badge), phase);
  gtk_accessible_update_property (GTK_ACCESSIBLE (badge),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, phase,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
assessment_changed_cb (GtkWidget    *row,
                       PwAnswer     *answer,
                       PwAssessment *assessment)
{
  update_row (row, assessment);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  PwAssessPage *self = user_data;
  PwAssessment *assessment = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *badge = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "pw-phase-badge");
  gtk_widget_add_css_class (badge, "numeric");

  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), subtitle);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), badge);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data (G_OBJECT (row), "pw-page", self);
  g_object_set_data (G_OBJECT (row), "pw-title", title);
  g_object_set_data (G_OBJECT (row), "pw-subtitle", subtitle);
  g_object_set_data (G_OBJECT (row), "pw-badge", badge);
  g_object_set_data_full (G_OBJECT (row), "pw-assessment", g_object_ref (assessment),
                          g_object_unref);
  g_signal_connect_object (assessment, "changed", G_CALLBACK (assessment_changed_cb), row,
                           G_CONNECT_SWAPPED);
  update_row (row, assessment);

  return row;
}

static void
show_assessment (PwAssessPage *self,
                 PwAssessment *assessment)
{
  g_set_object (&self->selected, assessment);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assess.delete", assessment != NULL);

  if (assessment == NULL)
    {
      adw_bin_set_child (self->wizard_bin, NULL);
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      return;
    }

  {
    PwWizard *wizard = pw_wizard_new (self->workbook, assessment);

    /* An assessment with answers opens on its result. */
    if (pw_assessment_has_answers (assessment, pw_workbook_get_framework (self->workbook)))
      pw_wizard_set_page (wizard, pw_wizard_get_n_pages (wizard) - 1);

    adw_bin_set_child (self->wizard_bin, GTK_WIDGET (wizard));
  }

  gtk_stack_set_visible_child_name (self->content_stack, "wizard");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* The newest assessment of the workbook, or none when it has none */
static void
select_latest (PwAssessPage *self)
{
  GListModel *assessments = pw_workbook_get_assessments (self->workbook);
  guint n = g_list_model_get_n_items (assessments);
  g_autoptr(PwAssessment) latest = NULL;

  if (n == 0)
    {
      show_assessment (self, NULL);
      return;
    }

  latest = g_list_model_get_item (assessments, n - 1);
  pw_assess_page_select (self, latest);
}

static void
row_selected_cb (PwAssessPage  *self,
                 GtkListBoxRow *row,
                 GtkListBox    *list)
{
  PwAssessment *assessment = row ? g_object_get_data (G_OBJECT (row), "pw-assessment") : NULL;

  if (assessment != NULL && assessment != self->selected)
    show_assessment (self, assessment);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  pw_assess_page_new_assessment (PW_ASSESS_PAGE (widget), NULL);
}

/* Deletes the selected assessment at once, and offers to undo it: undo
 * brings it back through the document's history (the HIG prefers an undo
 * toast to a confirmation for what can be undone). */
static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PwAssessPage *self = PW_ASSESS_PAGE (widget);
  g_autoptr(PwAssessment) assessment = NULL;
  g_autofree char *scope = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  GtkRoot *root;
  const char *round;

  if (self->selected == NULL || self->workbook == NULL)
    return;

  assessment = g_object_ref (self->selected);
  scope = pw_workbook_describe_scope (self->workbook, assessment);
  round = pw_assessment_get_round (assessment);
  /* Translators: an assessment named in the toast after deleting it: its
   * scope, then its round label (or its date when it has none) */
  name = g_strdup_printf (_("%s — %s"), scope,
                          round && *round ? round : pw_assessment_get_date (assessment));

  /* The latest is shown then: see assessments_changed_cb(). */
  pw_workbook_remove_assessment (self->workbook, assessment);

  root = gtk_widget_get_root (widget);
  if (!PW_IS_WINDOW (root))
    return;

  /* Translators: a toast after deleting an assessment; %s is its scope and
   * round, "Whole organization — Review 2026" */
  title = g_strdup_printf (_("Deleted “%s”"), name);
  pw_window_show_undo_toast (PW_WINDOW (root), title);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  adw_leaflet_navigate (PW_ASSESS_PAGE (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
pw_assess_page_dispose (GObject *object)
{
  PwAssessPage *self = (PwAssessPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_ASSESS_PAGE);
  g_clear_object (&self->selected);
  g_clear_object (&self->workbook);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (pw_assess_page_parent_class)->dispose (object);
}

static void
pw_assess_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PwAssessPage *self = PW_ASSESS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SIDEBAR_VISIBLE:
      g_value_set_boolean (value, pw_assess_page_get_sidebar_visible (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_assess_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PwAssessPage *self = PW_ASSESS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SIDEBAR_VISIBLE:
      pw_assess_page_set_sidebar_visible (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_assess_page_class_init (PwAssessPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_assess_page_dispose;
  object_class->get_property = pw_assess_page_get_property;
  object_class->set_property = pw_assess_page_set_property;

  /**
   * PwAssessPage:sidebar-visible:
   *
   * Whether the list of assessments is shown beside the wizard; hidden,
   * the wizard has the whole width, as on a projector.
   */
  properties [PROP_SIDEBAR_VISIBLE] =
    g_param_spec_boolean ("sidebar-visible", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pw-assess-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PwAssessPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, PwAssessPage, separator);
  gtk_widget_class_bind_template_child (widget_class, PwAssessPage, list);
  gtk_widget_class_bind_template_child (widget_class, PwAssessPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PwAssessPage, wizard_bin);

  gtk_widget_class_install_action (widget_class, "assess.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "assess.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "assess.delete", NULL, delete_action);
}

static void
pw_assess_page_init (PwAssessPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The template's top-level child is not bound: AdwBin unparents it. */
  self->leaflet = ADW_LEAFLET (adw_bin_get_child (ADW_BIN (self)));

  g_signal_connect_object (self->list, "row-selected", G_CALLBACK (row_selected_cb), self,
                           G_CONNECT_SWAPPED);
}

/* An assessment that comes into the workbook (created, or its deletion
 * undone) is shown; one shown that leaves it (deleted, or its creation undone)
 * is not shown any longer, and the latest is instead. */
static void
assessments_changed_cb (PwAssessPage *self,
                        guint         position,
                        guint         removed,
                        guint         added,
                        GListModel   *assessments)
{
  if (added == 1)
    {
      g_autoptr(PwAssessment) assessment = g_list_model_get_item (assessments, position);

      pw_assess_page_select (self, assessment);
    }
  else if (removed > 0 && self->selected != NULL
           && !g_list_store_find (G_LIST_STORE (assessments), self->selected, NULL))
    {
      select_latest (self);
    }
}

static void
set_workbook (PwAssessPage *self,
              PwWorkbook   *workbook)
{
  show_assessment (self, NULL);
  if (self->workbook != NULL)
    g_signal_handlers_disconnect_by_func (pw_workbook_get_assessments (self->workbook),
                                          assessments_changed_cb, self);
  g_set_object (&self->workbook, workbook);

  if (workbook == NULL)
    {
      gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
      return;
    }

  gtk_list_box_bind_model (self->list, pw_workbook_get_assessments (workbook), create_row, self,
                           NULL);
  g_signal_connect_object (pw_workbook_get_assessments (workbook), "items-changed",
                           G_CALLBACK (assessments_changed_cb), self, G_CONNECT_SWAPPED);
  select_latest (self);
}

static void
document_workbook_cb (PwAssessPage *self,
                      GParamSpec   *pspec,
                      PwDocument   *document)
{
  set_workbook (self, pw_document_get_workbook (document));
}

/**
 * pw_assess_page_set_document:
 * @document: (nullable): the document to show
 *
 * Shows the assessments of @document's workbook, also after it is loaded
 * again, and selects the latest.
 */
void
pw_assess_page_set_document (PwAssessPage *self,
                             PwDocument   *document)
{
  g_return_if_fail (PW_IS_ASSESS_PAGE (self));
  g_return_if_fail (document == NULL || PW_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);

  if (document != NULL)
    g_signal_connect_object (document, "notify::workbook", G_CALLBACK (document_workbook_cb),
                             self, G_CONNECT_SWAPPED);

  set_workbook (self, document ? pw_document_get_workbook (document) : NULL);
}

/**
 * pw_assess_page_new_assessment:
 * @team_id: (nullable): the team of the org map to assess, or %NULL for
 *   the whole organization
 *
 * Starts a new assessment of @team_id with the session's facilitator, as
 * one step for undo, and opens it in the wizard.
 *
 * Returns: (transfer none) (nullable): the new assessment, or %NULL
 *   without a workbook
 */
PwAssessment *
pw_assess_page_new_assessment (PwAssessPage *self,
                               const char   *team_id)
{
  g_autofree char *facilitator = NULL;
  PwAssessment *assessment;

  g_return_val_if_fail (PW_IS_ASSESS_PAGE (self), NULL);

  if (self->workbook == NULL)
    return NULL;

  facilitator = pw_session_dup_facilitator_name (pw_document_get_session (self->document));

  /* One step for undo: the assessment with its facilitator */
  pw_workbook_begin_edit (self->workbook, _("New assessment"));
  assessment = pw_workbook_start_assessment (self->workbook, team_id);
  if (facilitator != NULL)
    pw_assessment_set_facilitator (assessment, facilitator);
  pw_workbook_end_edit (self->workbook);

  pw_assess_page_select (self, assessment);
  return assessment;
}

/**
 * pw_assess_page_select:
 *
 * Selects @assessment in the list and shows it.
 */
void
pw_assess_page_select (PwAssessPage *self,
                       PwAssessment *assessment)
{
  GListModel *assessments;
  guint position;

  g_return_if_fail (PW_IS_ASSESS_PAGE (self));
  g_return_if_fail (PW_IS_ASSESSMENT (assessment));

  assessments = pw_workbook_get_assessments (self->workbook);
  if (!g_list_store_find (G_LIST_STORE (assessments), assessment, &position))
    return;

  if (assessment != self->selected)
    show_assessment (self, assessment);
  gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list,
                                                                      (int) position));
}

/**
 * pw_assess_page_get_selected:
 *
 * Returns: (transfer none) (nullable): the assessment shown
 */
PwAssessment *
pw_assess_page_get_selected (PwAssessPage *self)
{
  g_return_val_if_fail (PW_IS_ASSESS_PAGE (self), NULL);
  return self->selected;
}

/**
 * pw_assess_page_get_wizard:
 *
 * Returns: (transfer none) (nullable): the #PwWizard of the assessment shown
 */
GtkWidget *
pw_assess_page_get_wizard (PwAssessPage *self)
{
  g_return_val_if_fail (PW_IS_ASSESS_PAGE (self), NULL);
  return adw_bin_get_child (self->wizard_bin);
}

/**
 * pw_assess_page_get_sidebar_visible:
 *
 * Returns: whether the list of assessments is shown
 */
gboolean
pw_assess_page_get_sidebar_visible (PwAssessPage *self)
{
  g_return_val_if_fail (PW_IS_ASSESS_PAGE (self), FALSE);
  return gtk_widget_get_visible (self->sidebar);
}

/**
 * pw_assess_page_set_sidebar_visible:
 *
 * Shows or hides the list of assessments.  Hidden, the leaflet has the
 * wizard alone to show, folded or not.
 */
void
pw_assess_page_set_sidebar_visible (PwAssessPage *self,
                                    gboolean      visible)
{
  g_return_if_fail (PW_IS_ASSESS_PAGE (self));

  visible = !!visible;
  if (visible == pw_assess_page_get_sidebar_visible (self))
    return;

  gtk_widget_set_visible (self->sidebar, visible);
  gtk_widget_set_visible (self->separator, visible);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SIDEBAR_VISIBLE]);
}
