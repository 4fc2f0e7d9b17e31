/* pw-report-page.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-report-page"

#include "config.h"

#include <glib/gi18n.h>

#include "pw-comparison-view.h"
#include "pw-markdown.h"
#include "pw-report-layout.h"
#include "pw-report-page.h"
#include "pw-widget-utils.h"
#include "pw-window.h"

/**
 * PwReportPage:
 *
 * The Report area of a workbook: which assessment the report is about,
 * its title, the facts of its title page, the sections it includes, the
 * executive summary and the commentary on each dimension in Markdown,
 * the assessment it compares with, and the paper it is laid out on.
 *
 * The report draft of an assessment is the first of the workbook's
 * reports about it.  An assessment without one shows the defaults (the
 * translated default title, every section, no text); the first edit
 * adds the draft to the workbook, together with that edit, as one step
 * of the history.  Every edit goes to the model, whose recorder makes it
 * a step of the document's history, and whose changes (an undo, a redo,
 * another window) the page follows.  The facts of the title page are the
 * workbook's and the assessment's own fields, bound to them.
 */
struct _PwReportPage
{
  AdwBin          parent_instance;

  PwDocument     *document;
  PwWorkbook     *workbook;
  PwAssessment   *assessment;     /* reported on */
  PwReportDraft  *draft;          /* its draft, while there is one */
  GBindingGroup  *workbook_bindings;
  GBindingGroup  *assessment_bindings;
  GSignalGroup   *draft_signals;
  GtkStringList  *assessment_labels;
  GtkStringList  *compare_labels;  /* "None", then the assessments */
  GtkStringList  *dimension_labels;
  GHashTable     *section_switches; /* section id → GtkSwitch */
  PwReportExporter *exporter;      /* the window's */
  PwReportLayout *layout;          /* the pages shown */
  double          page_width;      /* …their size, in points */
  double          page_height;
  guint           page;            /* the one shown */
  guint           layout_source;   /* the layout made again soon */
  GCancellable   *layout_cancellable;
  gboolean        layout_stale;
  PwPaperSize     paper;
  gboolean        preview;         /* the Markdown shown as it will look */
  guint           syncing;         /* the widgets are being set from the model */
  guint           editing;         /* the model is being set from the widgets */
  gboolean        adding_draft;    /* …in the step that adds the draft */

  GtkStack       *main_stack;
  GtkWidget      *progress_box;
  GtkDropDown    *assessment_dropdown;
  AdwEntryRow    *title_row;
  GtkDropDown    *compare_dropdown;
  GtkDropDown    *paper_dropdown;
  AdwEntryRow    *organization_row;
  AdwEntryRow    *facilitator_row;
  GtkSpinButton  *participants_spin;
  GtkTextView    *summary_view;
  GtkDropDown    *dimension_dropdown;
  GtkTextView    *commentary_view;
  GtkStack       *summary_stack;
  GtkStack       *commentary_stack;
  GtkBox         *summary_preview;
  GtkBox         *commentary_preview;
  AdwPreferencesGroup *sections_group;
  GtkLabel       *page_label;
  GtkWidget      *comparison_box;
  PwComparisonView *comparison_view;
  GtkWidget      *export_button;
  GtkDrawingArea *sheet;
};

G_DEFINE_FINAL_TYPE (PwReportPage, pw_report_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PAPER,
  PROP_PREVIEW,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void sync_from_draft (PwReportPage *self);
static void update_actions  (PwReportPage *self);
static void queue_layout    (PwReportPage *self);

/* ------------------------------------------------------------------------
 * Text fields bound to the model
 */

static char *
get_buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Sets a buffer to the model's text, unless it shows that already (so that
 * the cursor stays where the user types) */
static void
set_buffer_text (PwReportPage *self,
                 GtkTextView  *view,
                 const char   *text)
{
  g_autofree char *shown = get_buffer_text (view);

  if (g_strcmp0 (shown, text != NULL ? text : "") == 0)
    return;

  self->syncing++;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
  self->syncing--;
}

/* ------------------------------------------------------------------------
 * The draft
 */

static const char *
get_default_title (void)
{
  /* Translators: the title of a report unless the facilitator gives another */
  return _("Social Media Maturity Report");
}

static PwReportDraft *
find_draft (PwReportPage *self)
{
  GListModel *reports;
  const char *id;

  if (self->workbook == NULL || self->assessment == NULL)
    return NULL;

  id = pw_assessment_get_id (self->assessment);
  reports = pw_workbook_get_reports (self->workbook);
  for (guint i = 0; i < g_list_model_get_n_items (reports); i++)
    {
      g_autoptr(PwReportDraft) draft = g_list_model_get_item (reports, i);

      if (g_strcmp0 (pw_report_draft_get_assessment_id (draft), id) == 0)
        return draft;
    }

  return NULL;
}

static void
update_draft (PwReportPage *self)
{
  PwReportDraft *draft = find_draft (self);

  if (draft == self->draft)
    return;

  g_set_object (&self->draft, draft);
  g_signal_group_set_target (self->draft_signals, draft);
  if (self->editing == 0)
    sync_from_draft (self);
}

/* The draft that an edit changes: the assessment's, or a new one added to
 * the workbook in the step that @label names, which end_draft_edit()
 * closes. */
static PwReportDraft *
begin_draft_edit (PwReportPage *self,
                  const char   *label)
{
  g_autoptr(PwReportDraft) draft = NULL;
  g_autofree char *id = NULL;

  g_assert (self->workbook != NULL && self->assessment != NULL);

  self->editing++;
  if (self->draft != NULL)
    return self->draft;

  pw_workbook_begin_edit (self->workbook, label);
  id = g_uuid_string_random ();
  draft = pw_report_draft_new (id);
  pw_report_draft_set_assessment_id (draft, pw_assessment_get_id (self->assessment));
  pw_workbook_add_report (self->workbook, draft);
  g_assert (self->draft == draft);
  self->adding_draft = TRUE;

  return self->draft;
}

static void
end_draft_edit (PwReportPage *self)
{
  g_assert (self->editing > 0);

  if (self->adding_draft)
    {
      self->adding_draft = FALSE;
      pw_workbook_end_edit (self->workbook);
    }
  self->editing--;
}

/* ------------------------------------------------------------------------
 * The Markdown as it will look
 */

static void
render_markdown (GtkBox     *box,
                 const char *markdown)
{
  g_auto(GStrv) blocks = pw_markdown_to_pango_blocks (markdown != NULL ? markdown : "");

  _pw_box_remove_all (box);
  if (blocks == NULL || blocks[0] == NULL)
    {
      /* Translators: the preview of an empty summary or commentary */
      GtkWidget *label = gtk_label_new (_("Nothing written yet: the report leaves it out."));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (box, label);
      return;
    }

  for (guint i = 0; blocks[i] != NULL; i++)
    {
      GtkWidget *label = gtk_label_new (NULL);

      gtk_label_set_markup (GTK_LABEL (label), blocks[i]);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_box_append (box, label);
    }
}

static void
update_previews (PwReportPage *self)
{
  gboolean preview = self->preview;
  g_autofree char *summary = NULL;
  g_autofree char *commentary = NULL;

  gtk_stack_set_visible_child_name (self->summary_stack, preview ? "preview" : "edit");
  gtk_stack_set_visible_child_name (self->commentary_stack, preview ? "preview" : "edit");
  if (!preview)
    return;

  summary = get_buffer_text (self->summary_view);
  commentary = get_buffer_text (self->commentary_view);
  render_markdown (self->summary_preview, summary);
  render_markdown (self->commentary_preview, commentary);
}

static const char *
get_dimension_id (PwReportPage *self)
{
  PwFramework *framework;
  guint selected = gtk_drop_down_get_selected (self->dimension_dropdown);

  if (self->workbook == NULL)
    return NULL;

  framework = pw_workbook_get_framework (self->workbook);
  if (selected >= pw_framework_get_n_dimensions (framework))
    return NULL;

  return pw_framework_get_dimension (framework, selected)->id;
}

static void
sync_commentary (PwReportPage *self)
{
  const char *dimension_id = get_dimension_id (self);
  g_autofree char *name = NULL;

  if (dimension_id != NULL)
    {
      const PwDimension *dimension =
        pw_framework_find_dimension (pw_workbook_get_framework (self->workbook), dimension_id);

      /* Translators: what a screen reader says for the commentary's text
       * field; %s is a dimension, "Measurement & analytics" */
      name = g_strdup_printf (_("Commentary on %s"), dimension->name);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->commentary_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  name != NULL ? name : _("Commentary"),
                                  -1);

  set_buffer_text (self, self->commentary_view,
                   self->draft && dimension_id
                   ? pw_report_draft_get_commentary (self->draft, dimension_id) : NULL);
  update_previews (self);
}

static void
sync_compare (PwReportPage *self)
{
  const char *compare_id = self->draft ? pw_report_draft_get_compare_id (self->draft) : NULL;
  PwAssessment *compared = NULL;
  guint position = 0;

  if (compare_id != NULL && self->workbook != NULL)
    {
      GListModel *assessments = pw_workbook_get_assessments (self->workbook);

      for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
        {
          g_autoptr(PwAssessment) assessment = g_list_model_get_item (assessments, i);

          if (g_strcmp0 (pw_assessment_get_id (assessment), compare_id) == 0)
            {
              position = i + 1;
              compared = assessment;
            }
        }
    }

  self->syncing++;
  gtk_drop_down_set_selected (self->compare_dropdown, position);
  /* The comparison the report will show: before, then after */
  gtk_widget_set_visible (self->comparison_box, compared != NULL && self->assessment != NULL);
  if (compared != NULL && self->assessment != NULL)
    {
      pw_comparison_view_set_workbook (self->comparison_view, self->workbook);
      pw_comparison_view_set_first (self->comparison_view, compared);
      pw_comparison_view_set_second (self->comparison_view, self->assessment);
    }
  self->syncing--;
}

/* Whether the user changed the comparison: the view also chooses its
 * rounds itself as the workbook changes, which is no edit of the report */
static gboolean
comparison_has_focus (PwReportPage *self)
{
  GtkWidget *focus = _pw_widget_get_focus (GTK_WIDGET (self));

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->comparison_view));
}

/* The comparison's own dropdowns: "Before" is the assessment compared
 * with, "After" the one reported on */
static void
comparison_first_cb (PwReportPage *self)
{
  PwAssessment *first = pw_comparison_view_get_first (self->comparison_view);
  PwReportDraft *draft;

  if (self->syncing > 0)
    return;
  if (!comparison_has_focus (self))
    {
      sync_compare (self);
      return;
    }
  if (self->assessment == NULL || first == NULL
      || (self->draft != NULL
          && g_strcmp0 (pw_report_draft_get_compare_id (self->draft),
                        pw_assessment_get_id (first)) == 0))
    return;

  draft = begin_draft_edit (self, _("Report’s comparison"));
  pw_report_draft_set_compare_id (draft, pw_assessment_get_id (first));
  end_draft_edit (self);
  sync_compare (self);
}

static void
comparison_second_cb (PwReportPage *self)
{
  PwAssessment *second = pw_comparison_view_get_second (self->comparison_view);

  if (self->syncing > 0)
    return;
  if (!comparison_has_focus (self))
    {
      sync_compare (self);
      return;
    }
  if (second == NULL || second == self->assessment)
    return;

  pw_report_page_set_assessment (self, second);
}

/* Shows the draft, or the defaults when there is none */
static void
sync_from_draft (PwReportPage *self)
{
  const char *title = self->draft ? pw_report_draft_get_title (self->draft) : NULL;
  const char * const *sections = pw_report_sections ();
  g_autofree char *shown = NULL;

  if (title == NULL || *title == '\0')
    title = get_default_title ();
  shown = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  self->syncing++;
  if (g_strcmp0 (shown, title) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->title_row), title);

  for (guint i = 0; sections[i] != NULL; i++)
    {
      GtkSwitch *toggle = g_hash_table_lookup (self->section_switches, sections[i]);

      gtk_switch_set_active (toggle,
                             self->draft == NULL
                             || pw_report_draft_get_section_included (self->draft, sections[i]));
    }
  self->syncing--;

  set_buffer_text (self, self->summary_view,
                   self->draft ? pw_report_draft_get_summary (self->draft) : NULL);
  sync_commentary (self);
  sync_compare (self);
}

static void
draft_notify_cb (PwReportPage *self)
{
  if (self->editing == 0)
    sync_from_draft (self);
}

/* Any edit of the workbook, the report's draft included */
static void
workbook_changed_cb (PwReportPage *self)
{
  queue_layout (self);
}

/* ------------------------------------------------------------------------
 * Edits
 */

static void
title_changed_cb (PwReportPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  PwReportDraft *draft;

  if (self->syncing > 0 || self->assessment == NULL)
    return;
  /* The default shown is not an edit */
  if (self->draft == NULL && g_strcmp0 (text, get_default_title ()) == 0)
    return;

  draft = begin_draft_edit (self, _("Report title"));
  pw_report_draft_set_title (draft, *text != '\0' && g_strcmp0 (text, get_default_title ()) != 0
                                    ? text : NULL);
  end_draft_edit (self);
}

static void
summary_changed_cb (PwReportPage *self)
{
  g_autofree char *text = NULL;
  PwReportDraft *draft;

  if (self->syncing > 0 || self->assessment == NULL)
    return;

  text = get_buffer_text (self->summary_view);
  if (self->draft == NULL && *text == '\0')
    return;

  draft = begin_draft_edit (self, _("Executive summary"));
  pw_report_draft_set_summary (draft, *text != '\0' ? text : NULL);
  end_draft_edit (self);
}

static void
commentary_changed_cb (PwReportPage *self)
{
  const char *dimension_id = get_dimension_id (self);
  g_autofree char *text = NULL;
  PwReportDraft *draft;

  if (self->syncing > 0 || self->assessment == NULL || dimension_id == NULL)
    return;

  text = get_buffer_text (self->commentary_view);
  if (self->draft == NULL && *text == '\0')
    return;

  draft = begin_draft_edit (self, _("Report commentary"));
  pw_report_draft_set_commentary (draft, dimension_id, *text != '\0' ? text : NULL);
  end_draft_edit (self);
}

static void
section_toggled_cb (GtkSwitch    *toggle,
                    GParamSpec   *pspec,
                    PwReportPage *self)
{
  const char *section = g_object_get_data (G_OBJECT (toggle), "pw-section");
  gboolean active = gtk_switch_get_active (toggle);
  PwReportDraft *draft;

  if (self->syncing > 0 || self->assessment == NULL)
    return;
  if (self->draft == NULL && active)
    return;

  draft = begin_draft_edit (self, _("Report sections"));
  pw_report_draft_set_section_included (draft, section, active);
  end_draft_edit (self);
}

static void
compare_selected_cb (PwReportPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->compare_dropdown);
  g_autoptr(PwAssessment) compared = NULL;
  PwReportDraft *draft;

  if (self->syncing > 0 || self->assessment == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (selected > 0)
    compared = g_list_model_get_item (pw_workbook_get_assessments (self->workbook), selected - 1);
  if (self->draft == NULL && compared == NULL)
    return;

  draft = begin_draft_edit (self, _("Report’s comparison"));
  pw_report_draft_set_compare_id (draft, compared ? pw_assessment_get_id (compared) : NULL);
  end_draft_edit (self);
  sync_compare (self);
}

/* ------------------------------------------------------------------------
 * The assessments to choose from
 */

static char *
describe_assessment (PwWorkbook   *workbook,
                     PwAssessment *assessment)
{
  g_autofree char *scope = pw_workbook_describe_scope (workbook, assessment);
  const char *round = pw_assessment_get_round (assessment);

  /* Translators: an assessment to report on: its scope, round label and date,
   * "Whole organization · Review 2026 · 2026-10-20" */
  return g_strdup_printf (_("%s · %s · %s"), scope,
                          round && *round ? round : _("Assessment"),
                          pw_assessment_get_date (assessment));
}

static void
set_assessment (PwReportPage *self,
                PwAssessment *assessment)
{
  if (self->assessment != assessment)
    {
      g_set_object (&self->assessment, assessment);
      g_binding_group_set_source (self->assessment_bindings, assessment);
      self->page = 0;
      queue_layout (self);
    }
  gtk_stack_set_visible_child_name (self->main_stack, assessment ? "report" : "empty");
  update_actions (self);
  update_draft (self);
  /* Also when the draft stays (none before, none now) */
  sync_from_draft (self);
}

/* The lists of the two dropdowns again, the assessment shown kept */
static void
fill_assessments (PwReportPage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) labels = NULL;
  GListModel *assessments;
  guint n_items, position = GTK_INVALID_LIST_POSITION;
  PwAssessment *shown = NULL;
  guint n_old;

  if (self->workbook != NULL)
    {
      assessments = pw_workbook_get_assessments (self->workbook);
      n_items = g_list_model_get_n_items (assessments);
      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(PwAssessment) assessment = g_list_model_get_item (assessments, i);
          g_autofree char *label = describe_assessment (self->workbook, assessment);

          g_strv_builder_add (builder, label);
          if (assessment == self->assessment)
            position = i;
        }
      /* The latest round unless one was shown */
      if (position == GTK_INVALID_LIST_POSITION && n_items > 0)
        position = n_items - 1;
      if (position != GTK_INVALID_LIST_POSITION)
        shown = g_list_model_get_item (assessments, position);
    }
  labels = g_strv_builder_end (builder);

  self->syncing++;
  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->assessment_labels));
  gtk_string_list_splice (self->assessment_labels, 0, n_old, (const char * const *) labels);
  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->compare_labels));
  gtk_string_list_splice (self->compare_labels, 1, n_old - 1, (const char * const *) labels);
  gtk_drop_down_set_selected (self->assessment_dropdown, position);
  self->syncing--;

  set_assessment (self, shown);
  g_clear_object (&shown);
}

static void
assessment_selected_cb (PwReportPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->assessment_dropdown);
  g_autoptr(PwAssessment) assessment = NULL;

  if (self->syncing > 0 || self->workbook == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  assessment = g_list_model_get_item (pw_workbook_get_assessments (self->workbook), selected);
  set_assessment (self, assessment);
}

static void
fill_dimensions (PwReportPage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) labels = NULL;

  if (self->workbook != NULL)
    {
      PwFramework *framework = pw_workbook_get_framework (self->workbook);

      for (guint i = 0; i < pw_framework_get_n_dimensions (framework); i++)
        g_strv_builder_add (builder, pw_framework_get_dimension (framework, i)->name);
    }
  labels = g_strv_builder_end (builder);

  self->syncing++;
  gtk_string_list_splice (self->dimension_labels, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->dimension_labels)),
                          (const char * const *) labels);
  gtk_drop_down_set_selected (self->dimension_dropdown, 0);
  self->syncing--;
}

static void
set_workbook (PwReportPage *self,
              PwWorkbook   *workbook)
{
  if (self->workbook == workbook)
    return;

  if (self->workbook != NULL)
    {
      g_signal_handlers_disconnect_by_data (pw_workbook_get_assessments (self->workbook), self);
      g_signal_handlers_disconnect_by_data (pw_workbook_get_reports (self->workbook), self);
    }
  g_set_object (&self->workbook, workbook);
  g_binding_group_set_source (self->workbook_bindings, workbook);
  if (self->comparison_view != NULL)
    pw_comparison_view_set_workbook (self->comparison_view, workbook);
  g_clear_object (&self->assessment);

  if (workbook != NULL)
    {
      g_signal_connect_object (pw_workbook_get_assessments (workbook), "items-changed",
                               G_CALLBACK (fill_assessments), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (pw_workbook_get_reports (workbook), "items-changed",
                               G_CALLBACK (update_draft), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (workbook, "changed",
                               G_CALLBACK (workbook_changed_cb), self, G_CONNECT_SWAPPED);
    }

  fill_dimensions (self);
  fill_assessments (self);
}

static void
document_workbook_cb (PwReportPage *self)
{
  set_workbook (self, self->document ? pw_document_get_workbook (self->document) : NULL);
}

/* The rounds' labels may have changed in the Assess area */
static void
map_cb (PwReportPage *self)
{
  fill_assessments (self);
  if (self->layout_stale)
    queue_layout (self);
}

/* ------------------------------------------------------------------------
 * Paper
 */

/* A4, or US Letter where the locale's paper is */
static PwPaperSize
get_default_paper (void)
{
  return g_strcmp0 (gtk_paper_size_get_default (), GTK_PAPER_NAME_LETTER) == 0
         ? PW_PAPER_US_LETTER : PW_PAPER_A4;
}

static void
paper_selected_cb (PwReportPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->paper_dropdown);

  if (selected != GTK_INVALID_LIST_POSITION)
    pw_report_page_set_paper (self, selected == 1 ? PW_PAPER_US_LETTER : PW_PAPER_A4);
}

/* ------------------------------------------------------------------------
 * The pages, as the PDF and the print-out lay them out
 */

#define LAYOUT_DELAY_MS 400  /* after the last edit */
#define SHEET_WIDTH     480  /* pixels at 100 % */

static void
update_page_label (PwReportPage *self)
{
  guint n_pages = self->layout ? pw_report_layout_get_n_pages (self->layout) : 0;
  g_autofree char *text = NULL;

  if (n_pages > 0)
    /* Translators: under the preview of the report's pages */
    text = g_strdup_printf (_("Page %u of %u"), self->page + 1, n_pages);
  else if (self->layout_source != 0 || self->layout_cancellable != NULL)
    /* Translators: while the preview of the report's pages is made */
    text = g_strdup (_("Laying out the pages…"));
  else
    text = g_strdup ("");

  gtk_label_set_label (self->page_label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->sheet),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.previous-page", self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.next-page", self->page + 1 < n_pages);
}

static void
draw_sheet_cb (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        user_data)
{
  PwReportPage *self = user_data;

  /* Paper is white, also in the dark style */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  if (self->layout == NULL || self->page >= pw_report_layout_get_n_pages (self->layout))
    return;

  cairo_scale (cr, width / self->page_width, height / self->page_height);
  pw_report_layout_draw_page (self->layout, cr, self->page);
}

typedef struct
{
  PwReport       *report;
  PwReportLayout *layout;
  double          width;
  double          height;
} LayoutData;

static void
layout_data_free (LayoutData *data)
{
  g_clear_object (&data->report);
  g_clear_object (&data->layout);
  g_free (data);
}

/* In a worker thread: a report is not changed once built, and the
 * layout gets a font map of its own */
static void
paginate_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  LayoutData *data = task_data;
  g_autoptr(PangoFontMap) font_map = pango_cairo_font_map_new ();
  PangoContext *context = pango_font_map_create_context (font_map);
  g_autoptr(PwReportLayout) layout = pw_report_layout_new (data->report, data->width,
                                                           data->height);
  GError *error = NULL;
  gboolean paginated;

  paginated = pw_report_layout_paginate (layout, context, NULL, NULL, cancellable, &error);
  g_object_unref (context);
  if (!paginated)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&layout), g_object_unref);
}

static void
paginated_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwReportLayout) layout = g_task_propagate_pointer (G_TASK (result), &error);
  LayoutData *data = g_task_get_task_data (G_TASK (result));
  PwReportPage *self = PW_REPORT_PAGE (object);

  /* A layout that a newer one replaces, or of a page that went */
  if (g_task_get_cancellable (G_TASK (result)) != self->layout_cancellable
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->layout_cancellable);
  if (layout == NULL)
    g_warning ("Could not lay out the report: %s", error->message);

  g_set_object (&self->layout, layout);
  self->page_width = data->width;
  self->page_height = data->height;
  if (layout != NULL && self->page >= pw_report_layout_get_n_pages (layout))
    self->page = MAX (pw_report_layout_get_n_pages (layout), 1) - 1;
  gtk_drawing_area_set_content_height (self->sheet,
                                       (int) (SHEET_WIDTH * data->height / data->width + 0.5));
  update_page_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->sheet));
}

static void
layout_now_cb (gpointer user_data)
{
  PwReportPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  LayoutData *data;

  self->layout_source = 0;
  self->layout_stale = FALSE;

  if (self->layout_cancellable != NULL)
    g_cancellable_cancel (self->layout_cancellable);
  g_clear_object (&self->layout_cancellable);

  data = g_new0 (LayoutData, 1);
  data->report = pw_report_page_build_report (self, &error);
  if (data->report == NULL)
    {
      layout_data_free (data);
      g_clear_object (&self->layout);
      update_page_label (self);
      gtk_widget_queue_draw (GTK_WIDGET (self->sheet));
      return;
    }
  pw_paper_size_get_points (self->paper, &data->width, &data->height);

  self->layout_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->layout_cancellable, paginated_cb, NULL);
  g_task_set_source_tag (task, layout_now_cb);
  g_task_set_task_data (task, data, (GDestroyNotify) layout_data_free);
  g_task_run_in_thread (task, paginate_thread);
  update_page_label (self);
}

/* The pages laid out again once the edits pause, while they show */
static void
queue_layout (PwReportPage *self)
{
  self->layout_stale = TRUE;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) || self->assessment == NULL)
    return;

  g_clear_handle_id (&self->layout_source, g_source_remove);
  self->layout_source = g_timeout_add_once (LAYOUT_DELAY_MS, layout_now_cb, self);
  update_page_label (self);
}

static void
turn_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PwReportPage *self = PW_REPORT_PAGE (widget);
  guint n_pages = self->layout ? pw_report_layout_get_n_pages (self->layout) : 0;

  if (g_str_equal (action_name, "report.next-page") && self->page + 1 < n_pages)
    self->page++;
  else if (g_str_equal (action_name, "report.previous-page") && self->page > 0)
    self->page--;
  else
    return;

  update_page_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->sheet));
}

/* ------------------------------------------------------------------------
 * Export and print
 */

static void
update_actions (PwReportPage *self)
{
  gboolean can = self->assessment != NULL && self->exporter != NULL
                 && !pw_report_exporter_get_busy (self->exporter);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.export", can);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.print", can);
}

/* The report built now, or NULL after saying why not */
static PwReport *
build_report_or_say (PwReportPage *self)
{
  g_autoptr(GError) error = NULL;
  PwReport *report = pw_report_page_build_report (self, &error);
  GtkRoot *root;

  if (report != NULL)
    return report;

  g_warning ("Could not build the report: %s", error->message);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (PW_IS_WINDOW (root))
    {
      /* Translators: a toast; %s says why */
      g_autofree char *text = g_strdup_printf (_("The report could not be made: %s"),
                                               error->message);

      pw_window_show_toast (PW_WINDOW (root), text);
    }

  return NULL;
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PwReportPage *self = PW_REPORT_PAGE (widget);
  g_autoptr(PwReport) report = NULL;
  PwReportFormat format;

  if (self->exporter == NULL
      || !pw_report_format_from_name (g_variant_get_string (parameter, NULL), &format))
    return;

  report = build_report_or_say (self);
  if (report != NULL)
    pw_report_exporter_export (self->exporter, report, format, self->paper, NULL);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PwReportPage *self = PW_REPORT_PAGE (widget);
  g_autoptr(PwReport) report = NULL;

  if (self->exporter == NULL)
    return;

  report = build_report_or_say (self);
  if (report != NULL)
    pw_report_exporter_print (self->exporter, report, self->paper);
}

/* ------------------------------------------------------------------------
 * The sections
 */

static void
add_section_rows (PwReportPage *self)
{
  const char * const *sections = pw_report_sections ();

  for (guint i = 0; sections[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *toggle = gtk_switch_new ();
      const char *title = pw_report_section_get_title (sections[i]);

      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
      g_object_set_data_full (G_OBJECT (toggle), "pw-section", g_strdup (sections[i]), g_free);
      /* Named as its row: GTK 4.8 reads a switch in a row as "GtkSwitch" */
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                      -1);
      g_signal_connect_object (toggle, "notify::active", G_CALLBACK (section_toggled_cb),
                               self, 0);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      /* One Tab stop a section, the switch's */
      gtk_widget_set_focusable (row, FALSE);
      adw_preferences_group_add (self->sections_group, row);
      g_hash_table_insert (self->section_switches, (gpointer) sections[i], toggle);
    }
}

/* ------------------------------------------------------------------------
 * GObject
 */

static void
pw_report_page_dispose (GObject *object)
{
  PwReportPage *self = PW_REPORT_PAGE (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->exporter != NULL)
    g_signal_handlers_disconnect_by_data (self->exporter, self);
  set_workbook (self, NULL);
  g_signal_group_set_target (self->draft_signals, NULL);
  g_clear_handle_id (&self->layout_source, g_source_remove);
  if (self->layout_cancellable != NULL)
    g_cancellable_cancel (self->layout_cancellable);
  g_clear_object (&self->layout_cancellable);
  g_clear_object (&self->layout);

  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_REPORT_PAGE);

  g_clear_object (&self->document);
  g_clear_object (&self->workbook);
  g_clear_object (&self->assessment);
  g_clear_object (&self->draft);
  g_clear_object (&self->exporter);
  g_clear_object (&self->workbook_bindings);
  g_clear_object (&self->assessment_bindings);
  g_clear_object (&self->draft_signals);
  g_clear_object (&self->assessment_labels);
  g_clear_object (&self->compare_labels);
  g_clear_object (&self->dimension_labels);
  g_clear_pointer (&self->section_switches, g_hash_table_unref);

  G_OBJECT_CLASS (pw_report_page_parent_class)->dispose (object);
}

static void
pw_report_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PwReportPage *self = PW_REPORT_PAGE (object);

  switch (prop_id)
    {
    case PROP_PAPER:
      g_value_set_uint (value, self->paper);
      break;

    case PROP_PREVIEW:
      g_value_set_boolean (value, self->preview);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_report_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PwReportPage *self = PW_REPORT_PAGE (object);

  switch (prop_id)
    {
    case PROP_PAPER:
      pw_report_page_set_paper (self, g_value_get_uint (value));
      break;

    case PROP_PREVIEW:
      if (self->preview != g_value_get_boolean (value))
        {
          self->preview = g_value_get_boolean (value);
          update_previews (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_report_page_class_init (PwReportPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_report_page_dispose;
  object_class->get_property = pw_report_page_get_property;
  object_class->set_property = pw_report_page_set_property;

  /**
   * PwReportPage:paper:
   *
   * The paper the PDF, the print-out and the preview are laid out on; at
   * first the locale's (US Letter in the United States, Canada, Mexico…;
   * A4 elsewhere).  A #PwPaperSize: PwPaperSize has no GType.
   */
  properties [PROP_PAPER] =
    g_param_spec_uint ("paper", NULL, NULL,
                       PW_PAPER_A4, PW_PAPER_US_LETTER, PW_PAPER_A4,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * PwReportPage:preview:
   *
   * Whether the executive summary and the commentary show as they will
   * look in the report, in place of their Markdown (`report.preview`).
   */
  properties [PROP_PREVIEW] =
    g_param_spec_boolean ("preview", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PW_TYPE_COMPARISON_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pw-report-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PwReportPage, progress_box);
  gtk_widget_class_bind_template_child (widget_class, PwReportPage, assessment_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PwReportPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, PwReportPage, compare_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PwReportPage, paper_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PwReportPage, organization_row);
  gtk_widget_class_bind_template_child (widget_class, PwReportPage, facilitator_row);
  gtk_widget_class_bind_template_child (widget_class, PwReportPage, participants_spin);
  gtk_widget_class_bind_template_child (widget_class, PwReportPage, summary_view);
  gtk_widget_class_bind_template_child (widget_class, PwReportPage, dimension_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PwReportPage, commentary_view);
  gtk_widget_class_bind_template_child (widget_class, PwReportPage, summary_stack);
  gtk_widget_class_bind_template_child (widget_class, PwReportPage, commentary_stack);
  gtk_widget_class_bind_template_child (widget_class, PwReportPage, summary_preview);
  gtk_widget_class_bind_template_child (widget_class, PwReportPage, commentary_preview);
  gtk_widget_class_bind_template_child (widget_class, PwReportPage, sections_group);
  gtk_widget_class_bind_template_child (widget_class, PwReportPage, page_label);
  gtk_widget_class_bind_template_child (widget_class, PwReportPage, comparison_box);
  gtk_widget_class_bind_template_child (widget_class, PwReportPage, comparison_view);
  gtk_widget_class_bind_template_child (widget_class, PwReportPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, PwReportPage, sheet);

  gtk_widget_class_set_css_name (widget_class, "pw-report-page");

  gtk_widget_class_install_property_action (widget_class, "report.preview", "preview");
  gtk_widget_class_install_action (widget_class, "report.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "report.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "report.previous-page", NULL, turn_page_action);
  gtk_widget_class_install_action (widget_class, "report.next-page", NULL, turn_page_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "report.previous-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "report.next-page", NULL);
}

/* Names a control for screen readers: GTK 4.8 reads a dropdown's or a
 * menu button's inner button, and a spin button or a text view by its
 * type's name, whatever labels it. */
static void
name_widget (GtkWidget  *widget,
             const char *label)
{
  GtkWidget *button = gtk_widget_get_first_child (widget);

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  if (GTK_IS_BUTTON (button))
    gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    -1);
}

static void
pw_report_page_init (PwReportPage *self)
{
  const char *none[] = {
    /* Translators: in "Compare With": the report compares with no other assessment */
    C_("comparison", "None"),
    NULL
  };

  self->section_switches = g_hash_table_new (g_str_hash, g_str_equal);
  self->assessment_labels = gtk_string_list_new (NULL);
  self->compare_labels = gtk_string_list_new (none);
  self->dimension_labels = gtk_string_list_new (NULL);
  self->workbook_bindings = g_binding_group_new ();
  self->assessment_bindings = g_binding_group_new ();
  self->draft_signals = g_signal_group_new (PW_TYPE_REPORT_DRAFT);
  g_signal_group_connect_object (self->draft_signals, "notify", G_CALLBACK (draft_notify_cb),
                                 self, G_CONNECT_SWAPPED);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The bin's child, not bound: gtk_widget_dispose_template() would unparent it
   * before AdwBin does */
  self->main_stack = GTK_STACK (adw_bin_get_child (ADW_BIN (self)));

  gtk_drop_down_set_model (self->assessment_dropdown, G_LIST_MODEL (self->assessment_labels));
  gtk_drop_down_set_model (self->compare_dropdown, G_LIST_MODEL (self->compare_labels));
  gtk_drop_down_set_model (self->dimension_dropdown, G_LIST_MODEL (self->dimension_labels));

  /* Each named as its row or its heading */
  name_widget (GTK_WIDGET (self->assessment_dropdown), _("Assessment"));
  name_widget (GTK_WIDGET (self->dimension_dropdown), _("Commentary on"));
  name_widget (GTK_WIDGET (self->export_button), _("Export"));
  name_widget (GTK_WIDGET (self->summary_view), _("Executive Summary"));
  name_widget (GTK_WIDGET (self->compare_dropdown), _("Compare With"));
  name_widget (GTK_WIDGET (self->paper_dropdown), _("Paper Size"));
  name_widget (GTK_WIDGET (self->participants_spin), _("Participants"));

  add_section_rows (self);

  /* Ctrl+Z is the window's undo of the model, here as everywhere: the
   * buffers keep no history of their own */
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (self->summary_view), FALSE);
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (self->commentary_view), FALSE);

  g_binding_group_bind_full (self->workbook_bindings, "name", self->organization_row, "text",
                             G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                             _pw_binding_string_to_text, _pw_binding_text_to_string, NULL, NULL);
  g_binding_group_bind_full (self->assessment_bindings, "facilitator", self->facilitator_row,
                             "text", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                             _pw_binding_string_to_text, _pw_binding_text_to_string, NULL, NULL);
  g_binding_group_bind (self->assessment_bindings, "participants",
                        self->participants_spin, "value",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  self->paper = get_default_paper ();
  gtk_drop_down_set_selected (self->paper_dropdown, self->paper == PW_PAPER_US_LETTER ? 1 : 0);

  g_signal_connect_object (self->assessment_dropdown, "notify::selected",
                           G_CALLBACK (assessment_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->compare_dropdown, "notify::selected",
                           G_CALLBACK (compare_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->comparison_view, "notify::first",
                           G_CALLBACK (comparison_first_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->comparison_view, "notify::second",
                           G_CALLBACK (comparison_second_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->paper_dropdown, "notify::selected",
                           G_CALLBACK (paper_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->dimension_dropdown, "notify::selected",
                           G_CALLBACK (sync_commentary), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->title_row, "changed",
                           G_CALLBACK (title_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->summary_view), "changed",
                           G_CALLBACK (summary_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->commentary_view), "changed",
                           G_CALLBACK (commentary_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);

  gtk_drawing_area_set_draw_func (self->sheet, draw_sheet_cb, self, NULL);

  sync_from_draft (self);
  update_actions (self);
  update_page_label (self);
}

/**
 * pw_report_page_set_document:
 * @document: (nullable): the document to report on
 *
 * Shows the report of @document's workbook, also after it is loaded again.
 */
void
pw_report_page_set_document (PwReportPage *self,
                             PwDocument   *document)
{
  g_return_if_fail (PW_IS_REPORT_PAGE (self));
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
 * pw_report_page_get_assessment:
 *
 * Returns: (transfer none) (nullable): the assessment reported on
 */
PwAssessment *
pw_report_page_get_assessment (PwReportPage *self)
{
  g_return_val_if_fail (PW_IS_REPORT_PAGE (self), NULL);

  return self->assessment;
}

/**
 * pw_report_page_set_assessment:
 * @assessment: an assessment of the workbook
 *
 * Shows the report on @assessment.
 */
void
pw_report_page_set_assessment (PwReportPage *self,
                               PwAssessment *assessment)
{
  guint position;

  g_return_if_fail (PW_IS_REPORT_PAGE (self));
  g_return_if_fail (PW_IS_ASSESSMENT (assessment));
  g_return_if_fail (self->workbook != NULL);

  if (!g_list_store_find (G_LIST_STORE (pw_workbook_get_assessments (self->workbook)),
                          assessment, &position))
    g_return_if_reached ();

  gtk_drop_down_set_selected (self->assessment_dropdown, position);
}

/**
 * pw_report_page_get_draft:
 *
 * Returns: (transfer none) (nullable): the report draft of the assessment
 *   reported on, once there is one
 */
PwReportDraft *
pw_report_page_get_draft (PwReportPage *self)
{
  g_return_val_if_fail (PW_IS_REPORT_PAGE (self), NULL);

  return self->draft;
}

PwPaperSize
pw_report_page_get_paper (PwReportPage *self)
{
  g_return_val_if_fail (PW_IS_REPORT_PAGE (self), PW_PAPER_A4);

  return self->paper;
}

void
pw_report_page_set_paper (PwReportPage *self,
                          PwPaperSize   paper)
{
  g_return_if_fail (PW_IS_REPORT_PAGE (self));
  g_return_if_fail (paper == PW_PAPER_A4 || paper == PW_PAPER_US_LETTER);

  gtk_drop_down_set_selected (self->paper_dropdown, paper == PW_PAPER_US_LETTER ? 1 : 0);
  if (self->paper == paper)
    return;

  self->paper = paper;
  queue_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PAPER]);
}

/**
 * pw_report_page_get_summary_view:
 *
 * Returns: (transfer none): the text view of the executive summary
 */
GtkWidget *
pw_report_page_get_summary_view (PwReportPage *self)
{
  g_return_val_if_fail (PW_IS_REPORT_PAGE (self), NULL);

  return GTK_WIDGET (self->summary_view);
}

/**
 * pw_report_page_get_section_switch:
 * @section: a section of pw_report_sections()
 *
 * Returns: (transfer none) (nullable): the switch that includes @section
 */
GtkWidget *
pw_report_page_get_section_switch (PwReportPage *self,
                                   const char   *section)
{
  g_return_val_if_fail (PW_IS_REPORT_PAGE (self), NULL);

  return g_hash_table_lookup (self->section_switches, section);
}

/* The progress bar's place takes no room (nor the box's spacing) while it
 * is hidden */
static void
progress_revealed_cb (PwReportPage *self)
{
  GtkRevealer *bar = GTK_REVEALER (pw_report_exporter_get_progress_bar (self->exporter));

  gtk_widget_set_visible (self->progress_box,
                          gtk_revealer_get_reveal_child (bar)
                          || gtk_revealer_get_child_revealed (bar));
}

/**
 * pw_report_page_set_exporter:
 * @exporter: the window's exporter
 *
 * Exports and prints with @exporter, whose progress bar the page shows.
 */
void
pw_report_page_set_exporter (PwReportPage     *self,
                             PwReportExporter *exporter)
{
  GtkWidget *bar;

  g_return_if_fail (PW_IS_REPORT_PAGE (self));
  g_return_if_fail (PW_IS_REPORT_EXPORTER (exporter));
  g_return_if_fail (self->exporter == NULL);

  self->exporter = g_object_ref (exporter);
  g_signal_connect_object (exporter, "notify::busy", G_CALLBACK (update_actions), self,
                           G_CONNECT_SWAPPED);
  bar = pw_report_exporter_get_progress_bar (exporter);
  gtk_box_append (GTK_BOX (self->progress_box), bar);
  g_signal_connect_object (bar, "notify::reveal-child", G_CALLBACK (progress_revealed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (bar, "notify::child-revealed", G_CALLBACK (progress_revealed_cb),
                           self, G_CONNECT_SWAPPED);
  progress_revealed_cb (self);
  update_actions (self);
}

/**
 * pw_report_page_build_report:
 *
 * Builds the report that the page shows, as of today, on the main thread.
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
PwReport *
pw_report_page_build_report (PwReportPage  *self,
                             GError       **error)
{
  g_return_val_if_fail (PW_IS_REPORT_PAGE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->workbook == NULL || self->assessment == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("There is no assessment to report on."));
      return NULL;
    }

  return pw_report_build (self->workbook, self->draft, pw_assessment_get_id (self->assessment),
                          NULL, error);
}

/**
 * pw_report_page_export_to_file:
 * @file: where to write
 *
 * Exports the report that the page shows to @file as @format, on the
 * page's paper, without asking where (as the tests do, or "export again").
 */
void
pw_report_page_export_to_file (PwReportPage   *self,
                               PwReportFormat  format,
                               GFile          *file)
{
  g_autoptr(PwReport) report = NULL;

  g_return_if_fail (PW_IS_REPORT_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->exporter != NULL);

  report = build_report_or_say (self);
  if (report != NULL)
    pw_report_exporter_export_to_file (self->exporter, report, format, self->paper, file);
}

/**
 * pw_report_page_get_n_pages:
 *
 * Returns: how many pages the preview shows: 0 until the report is laid
 *   out, which happens in a worker thread once the edits pause
 */
guint
pw_report_page_get_n_pages (PwReportPage *self)
{
  g_return_val_if_fail (PW_IS_REPORT_PAGE (self), 0);

  return self->layout != NULL && self->layout_source == 0 && self->layout_cancellable == NULL
         ? pw_report_layout_get_n_pages (self->layout) : 0;
}

/**
 * pw_report_page_get_page:
 *
 * Returns: the page the preview shows, from 0
 */
guint
pw_report_page_get_page (PwReportPage *self)
{
  g_return_val_if_fail (PW_IS_REPORT_PAGE (self), 0);

  return self->page;
}
