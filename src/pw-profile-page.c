/* pw-profile-page.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-profile-page"

#include "config.h"

#include "pw-widget-utils.h"

#include <glib/gi18n.h>

#include "pw-profile-page.h"

/**
 * PwProfilePage:
 *
 * The wizard's first page: the organization's profile, shared by every
 * assessment of the workbook, and the assessment's scope, round label,
 * date, facilitator and participants, and whether it is answered with the
 * phases hidden (#PwAssessment:hide-phases: each flip is one step to undo).
 * Every field edits the model as the user types, through binding groups.
 *
 * The scope is chosen from "Whole organization" and the teams of the org
 * map, a model that follows the map: a team added, removed or renamed
 * shows at once.  Choosing a scope goes through
 * pw_workbook_set_assessment_scope(), so a round label the user did not
 * write follows it.  A date that is not a valid YYYY-MM-DD stays in its
 * entry, marked as invalid, and never reaches the model.
 */
struct _PwProfilePage
{
  PwAssessmentView  parent_instance;

  AdwEntryRow      *name_row;
  AdwEntryRow      *industry_row;
  AdwEntryRow      *size_row;
  AdwEntryRow      *region_row;
  AdwComboRow      *scope_row;
  AdwEntryRow      *round_row;
  AdwEntryRow      *date_row;
  AdwEntryRow      *facilitator_row;
  GtkSpinButton    *participants_spin;
  GtkSwitch        *hide_phases_switch;
  GtkWidget        *calendar_button;
  gboolean          updating_calendar;
  GtkCalendar      *calendar;

  GBindingGroup    *workbook_bindings;
  GBindingGroup    *assessment_bindings;
  GSignalGroup     *assessment_signals;
  GSignalGroup     *teams_signals;

  /* "Whole organization", then the teams of the map */
  GListModel       *scopes;
  PwTeam           *whole_organization;

  guint             updating_scope : 1;
  guint             updating_date : 1;
};

G_DEFINE_FINAL_TYPE (PwProfilePage, pw_profile_page, PW_TYPE_ASSESSMENT_VIEW)

/* Text fields */

static void
bind_text (GBindingGroup *group,
           const char    *property,
           AdwEntryRow   *row)
{
  g_binding_group_bind_full (group, property, row, "text",
                             G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                             _pw_binding_string_to_text, _pw_binding_text_to_string, NULL, NULL);
}

/* The date */

static void
set_date_error (PwProfilePage *self,
                gboolean       error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");

  /* The title says what is wrong, for everyone, screen readers included. */
  if (error)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row),
                                   _("Date — not valid, use YYYY-MM-DD"));
  else
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row),
                                   _("Date (YYYY-MM-DD)"));
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->date_row),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               error ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

static void
date_changed_cb (PwProfilePage *self,
                 GtkEditable   *editable)
{
  PwAssessment *assessment = pw_assessment_view_get_assessment (PW_ASSESSMENT_VIEW (self));
  const char *text = gtk_editable_get_text (editable);
  gboolean valid;

  if (self->updating_date || assessment == NULL)
    return;

  valid = pw_is_valid_date (text);
  set_date_error (self, !valid);

  /* A bad date stays in the entry, marked, and never reaches the model. */
  if (valid)
    pw_assessment_set_date (assessment, text);
}

/* The calendar opens on the entry's date, or today when it holds none. */
static void
calendar_popover_show_cb (PwProfilePage *self,
                          GtkPopover    *popover)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  g_autoptr(GDateTime) date = NULL;

  if (pw_is_valid_date (text))
    {
      g_autofree char *iso = g_strconcat (text, "T00:00:00", NULL);
      g_autoptr(GTimeZone) zone = g_time_zone_new_local ();

      date = g_date_time_new_from_iso8601 (iso, zone);
    }
  if (date == NULL)
    date = g_date_time_new_now_local ();

  self->updating_calendar = TRUE;
  gtk_calendar_select_day (self->calendar, date);
  self->updating_calendar = FALSE;
}

/* A day chosen is written into the entry as YYYY-MM-DD, which takes it to
 * the model as typing would.  The popover stays open: GtkCalendar also
 * selects a day when its month or year changes, and a date one goes
 * through on the way is not meant to close it. */
static void
calendar_day_selected_cb (PwProfilePage *self,
                          GtkCalendar   *calendar)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *text = NULL;

  if (self->updating_calendar)
    return;

  date = gtk_calendar_get_date (calendar);
  text = g_date_time_format (date, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), text);
}

static void
update_date (PwProfilePage *self)
{
  PwAssessment *assessment = pw_assessment_view_get_assessment (PW_ASSESSMENT_VIEW (self));
  const char *date = assessment != NULL ? pw_assessment_get_date (assessment) : NULL;

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), date ? date : "") == 0)
    return;

  self->updating_date = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date ? date : "");
  self->updating_date = FALSE;
  set_date_error (self, FALSE);
}

/* The scope */

/* Selects the assessment's scope, without changing it. */
static void
update_scope (PwProfilePage *self)
{
  PwAssessment *assessment = pw_assessment_view_get_assessment (PW_ASSESSMENT_VIEW (self));
  const char *team_id = assessment != NULL ? pw_assessment_get_team_id (assessment) : NULL;
  guint n, position = 0;

  if (self->scopes == NULL)
    return;

  n = g_list_model_get_n_items (self->scopes);
  for (guint i = 1; team_id != NULL && i < n; i++)
    {
      g_autoptr(PwTeam) team = g_list_model_get_item (self->scopes, i);

      if (g_strcmp0 (pw_team_get_id (team), team_id) == 0)
        {
          position = i;
          break;
        }
    }

  self->updating_scope = TRUE;
  adw_combo_row_set_selected (self->scope_row, position);
  self->updating_scope = FALSE;
}

/* While the teams change, the selection may move to another team: that is
 * not the user choosing a scope.  This runs before the scope model sees the
 * change, and teams_changed_after_cb after. */
static void
teams_changed_cb (PwProfilePage *self)
{
  self->updating_scope = TRUE;
}

static void
teams_changed_after_cb (PwProfilePage *self)
{
  self->updating_scope = FALSE;
  update_scope (self);
}

static void
scope_selected_cb (PwProfilePage *self,
                   GParamSpec    *pspec,
                   AdwComboRow   *row)
{
  PwAssessmentView *view = PW_ASSESSMENT_VIEW (self);
  PwTeam *team = adw_combo_row_get_selected_item (row);

  if (self->updating_scope || pw_assessment_view_get_assessment (view) == NULL || team == NULL)
    return;

  pw_workbook_set_assessment_scope (pw_assessment_view_get_workbook (view),
                                    pw_assessment_view_get_assessment (view),
                                    team != self->whole_organization ? pw_team_get_id (team)
                                                                     : NULL);
}

static void
assessment_notify_cb (PwProfilePage *self,
                      GParamSpec    *pspec,
                      PwAssessment  *assessment)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "team-id"))
    update_scope (self);
  else if (g_str_equal (name, "date"))
    update_date (self);
}

/* The items of the scope list, in the row and in its popover: the name of
 * the scope, which follows renames, and in the popover a check mark on the
 * chosen one. */
static GtkExpression *
create_name_expression (void)
{
  return gtk_property_expression_new (PW_TYPE_TEAM,
                                      gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL,
                                                                   "item"),
                                      "name");
}

static double
get_check_opacity (GtkListItem *list_item,
                   GObject     *selected,
                   GObject     *item,
                   gpointer     user_data)
{
  return selected != NULL && selected == item ? 1.0 : 0.0;
}

/* In the row the name is cut short; in the popover it wraps, so that a long
 * team name ("Social Media Center of Excellence") shows whole. */
static GtkWidget *
create_item_box (GtkListItem *list_item,
                 gboolean     in_popover)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, in_popover ? 6 : 0);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  if (in_popover)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
      gtk_widget_set_hexpand (label, TRUE);
    }
  else
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 20);
    }
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), label);
  gtk_expression_bind (create_name_expression (), label, "label", list_item);

  return box;
}

/* In the row: the name */
static void
setup_row_item_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   PwProfilePage            *self)
{
  gtk_list_item_set_child (list_item, create_item_box (list_item, FALSE));
}

/* In the popover: the name, and a check mark on the chosen scope */
static void
setup_list_item_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    PwProfilePage            *self)
{
  GtkWidget *box = create_item_box (list_item, TRUE);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");
  GtkExpression *params[] = {
    gtk_property_expression_new (ADW_TYPE_COMBO_ROW,
                                 gtk_object_expression_new (G_OBJECT (self->scope_row)),
                                 "selected-item"),
    gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "item"),
  };

  gtk_box_append (GTK_BOX (box), check);
  gtk_expression_bind (gtk_cclosure_expression_new (G_TYPE_DOUBLE, NULL,
                                                    G_N_ELEMENTS (params), params,
                                                    G_CALLBACK (get_check_opacity),
                                                    NULL, NULL),
                       check, "opacity", list_item);
  gtk_list_item_set_child (list_item, box);
}

static GtkListItemFactory *
create_factory (PwProfilePage *self,
                GCallback      setup)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect_object (factory, "setup", setup, self, 0);

  return factory;
}

static GListModel *
create_scopes (PwProfilePage *self,
               GListModel    *teams)
{
  g_autoptr(GListStore) whole = g_list_store_new (PW_TYPE_TEAM);
  GListStore *sections = g_list_store_new (G_TYPE_LIST_MODEL);

  g_list_store_append (whole, self->whole_organization);
  g_list_store_append (sections, whole);
  g_list_store_append (sections, teams);

  return G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (sections)));
}

/* Shows the profile of the workbook and the details of the assessment, and
 * edits them from now on. */
static void
pw_profile_page_show_assessment (PwAssessmentView *view,
                                 gboolean          workbook_changed)
{
  PwProfilePage *self = PW_PROFILE_PAGE (view);
  PwWorkbook *workbook = pw_assessment_view_get_workbook (view);
  PwAssessment *assessment = pw_assessment_view_get_assessment (view);

  if (workbook_changed)
    {
      GListModel *teams = NULL;

      if (workbook != NULL)
        teams = pw_org_map_get_teams (pw_workbook_get_org_map (workbook));

      /* Connected before the scope model, so that the guard is up first */
      g_signal_group_set_target (self->teams_signals, teams);

      self->updating_scope = TRUE;
      g_clear_object (&self->scopes);
      if (teams != NULL)
        self->scopes = create_scopes (self, teams);
      adw_combo_row_set_model (self->scope_row, self->scopes);
      self->updating_scope = FALSE;
    }

  g_binding_group_set_source (self->workbook_bindings, workbook);
  g_binding_group_set_source (self->assessment_bindings, assessment);
  g_signal_group_set_target (self->assessment_signals, assessment);
  if (self->scopes != NULL)
    update_scope (self);
  update_date (self);
}

/* GObject */

static void
pw_profile_page_dispose (GObject *object)
{
  PwProfilePage *self = (PwProfilePage *)object;

  if (self->workbook_bindings != NULL)
    g_binding_group_set_source (self->workbook_bindings, NULL);
  if (self->assessment_bindings != NULL)
    g_binding_group_set_source (self->assessment_bindings, NULL);
  if (self->assessment_signals != NULL)
    g_signal_group_set_target (self->assessment_signals, NULL);
  if (self->teams_signals != NULL)
    g_signal_group_set_target (self->teams_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_PROFILE_PAGE);

  g_clear_object (&self->workbook_bindings);
  g_clear_object (&self->assessment_bindings);
  g_clear_object (&self->assessment_signals);
  g_clear_object (&self->teams_signals);
  g_clear_object (&self->scopes);
  g_clear_object (&self->whole_organization);

  G_OBJECT_CLASS (pw_profile_page_parent_class)->dispose (object);
}

static void
pw_profile_page_class_init (PwProfilePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PwAssessmentViewClass *view_class = PW_ASSESSMENT_VIEW_CLASS (klass);

  object_class->dispose = pw_profile_page_dispose;

  view_class->show_assessment = pw_profile_page_show_assessment;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/pw-profile-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PwProfilePage, name_row);
  gtk_widget_class_bind_template_child (widget_class, PwProfilePage, industry_row);
  gtk_widget_class_bind_template_child (widget_class, PwProfilePage, size_row);
  gtk_widget_class_bind_template_child (widget_class, PwProfilePage, region_row);
  gtk_widget_class_bind_template_child (widget_class, PwProfilePage, scope_row);
  gtk_widget_class_bind_template_child (widget_class, PwProfilePage, round_row);
  gtk_widget_class_bind_template_child (widget_class, PwProfilePage, date_row);
  gtk_widget_class_bind_template_child (widget_class, PwProfilePage, facilitator_row);
  gtk_widget_class_bind_template_child (widget_class, PwProfilePage, participants_spin);
  gtk_widget_class_bind_template_child (widget_class, PwProfilePage, hide_phases_switch);
  gtk_widget_class_bind_template_child (widget_class, PwProfilePage, calendar_button);
  gtk_widget_class_bind_template_child (widget_class, PwProfilePage, calendar);
  gtk_widget_class_bind_template_callback (widget_class, calendar_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, scope_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
}

static void
pw_profile_page_init (PwProfilePage *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkListItemFactory) list_factory = NULL;

  self->workbook_bindings = g_binding_group_new ();
  self->assessment_bindings = g_binding_group_new ();
  self->assessment_signals = g_signal_group_new (PW_TYPE_ASSESSMENT);
  g_signal_group_connect_object (self->assessment_signals, "notify",
                                 G_CALLBACK (assessment_notify_cb), self, G_CONNECT_SWAPPED);
  self->teams_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->teams_signals, "items-changed",
                                 G_CALLBACK (teams_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->teams_signals, "items-changed",
                                 G_CALLBACK (teams_changed_after_cb), self,
                                 G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  /* A team that is not on the map stands for the whole organization, so
   * that one expression names every scope. */
  self->whole_organization = pw_team_new ("", PW_TEAM_HUB, _("Whole organization"));

  gtk_widget_init_template (GTK_WIDGET (self));

  /* GTK 4.8 does not name the spin button by a labelled-by relation to its
   * row: it would be read "GtkSpinButton". */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->participants_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Participants"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("People who answered together"),
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->hide_phases_switch),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Hide the Phases While Answering"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Show each question’s options in a shuffled order, without "
                                    "phase numbers, so that the ladder does not steer the "
                                    "answers. The result shows the phases."),
                                  -1);
  /* Likewise the calendar's menu button, which GTK 4.8 would have read
   * "GtkMenuButton" (its tooltip does not name it): the name goes on it and
   * on the button inside it. */
  for (GtkWidget *widget = self->calendar_button; widget != NULL;
       widget = gtk_widget_get_first_child (widget))
    if (GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget))
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choose the Date"),
                                      -1);

  factory = create_factory (self, G_CALLBACK (setup_row_item_cb));
  list_factory = create_factory (self, G_CALLBACK (setup_list_item_cb));
  adw_combo_row_set_factory (self->scope_row, factory);
  adw_combo_row_set_list_factory (self->scope_row, list_factory);

  bind_text (self->workbook_bindings, "name", self->name_row);
  bind_text (self->workbook_bindings, "industry", self->industry_row);
  bind_text (self->workbook_bindings, "size", self->size_row);
  bind_text (self->workbook_bindings, "region", self->region_row);
  bind_text (self->assessment_bindings, "round", self->round_row);
  bind_text (self->assessment_bindings, "facilitator", self->facilitator_row);
  g_binding_group_bind (self->assessment_bindings, "participants",
                        self->participants_spin, "value",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->assessment_bindings, "hide-phases",
                        self->hide_phases_switch, "active",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}

/**
 * pw_profile_page_new:
 *
 * Returns: (transfer floating): a new page, without an assessment
 */
GtkWidget *
pw_profile_page_new (void)
{
  return g_object_new (PW_TYPE_PROFILE_PAGE, NULL);
}

/**
 * pw_profile_page_get_scopes:
 *
 * Returns: (transfer none) (nullable): the scopes to choose from, as
 *   #PwTeam: one for the whole organization, then the teams of the map
 */
GListModel *
pw_profile_page_get_scopes (PwProfilePage *self)
{
  g_return_val_if_fail (PW_IS_PROFILE_PAGE (self), NULL);

  return self->scopes;
}
