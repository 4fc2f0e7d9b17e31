/* pw-map-page.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-map-page"

#include "config.h"

#include <glib/gi18n.h>

#include "pw-map-page.h"
#include "pw-org-canvas.h"
#include "pw-org-model-card.h"
#include "pw-team-import-dialog.h"
#include "pw-team-list.h"
#include "pw-team-panel.h"
#include "pw-teams-overview.h"
#include "pw-window.h"

/**
 * PwMapPage:
 *
 * The Organization Map area of a workbook: its hubs and spokes on the
 * canvas, in a list that the keyboard and a screen reader can do
 * everything in, or in the teams overview of where each stands; beside the
 * map and the list, the panel of the selected team and the organizational
 * model the map shows.
 *
 * The canvas and the list share one selection, which the page keeps: a
 * team selected in one is selected in the other, and the panel shows it.
 * Every edit goes to the workbook, whose recorder makes it a step of the
 * document's history.
 */
struct _PwMapPage
{
  AdwBin           parent_instance;

  PwDocument      *document;
  PwWorkbook      *workbook;
  GPtrArray       *selected;      /* PwTeam, held, in map order */
  char            *view;
  guint            refresh_source;
  gboolean         syncing;

  GtkStack        *view_stack;
  PwOrgCanvas     *canvas;
  PwTeamList      *team_list;
  PwTeamsOverview *overview;
  PwTeamPanel     *team_panel;
  PwOrgModelCard  *model_card;
  GtkMenuButton   *model_button;
  GtkLabel        *model_label;
  GtkWidget       *side_box;
  GtkWidget       *side_separator;
};

G_DEFINE_FINAL_TYPE (PwMapPage, pw_map_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_VIEW,
  PROP_SHOW_LEGEND,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
update_actions (PwMapPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_map = self->workbook != NULL;
  gboolean on_map = has_map && g_strcmp0 (self->view, "map") == 0;
  gboolean editing = has_map && g_strcmp0 (self->view, "overview") != 0;
  guint n_teams = 0;
  gboolean linked = FALSE;

  if (has_map)
    n_teams = g_list_model_get_n_items (pw_org_map_get_teams (pw_workbook_get_org_map (self->workbook)));
  if (has_map && self->selected->len == 2)
    linked = pw_org_map_has_link (pw_workbook_get_org_map (self->workbook),
                                  pw_team_get_id (g_ptr_array_index (self->selected, 0)),
                                  pw_team_get_id (g_ptr_array_index (self->selected, 1)));

  gtk_widget_action_set_enabled (widget, "map.add-hub", editing);
  gtk_widget_action_set_enabled (widget, "map.add-spoke", editing);
  gtk_widget_action_set_enabled (widget, "map.connect", editing && self->selected->len == 2 && !linked);
  gtk_widget_action_set_enabled (widget, "map.disconnect", editing && linked);
  gtk_widget_action_set_enabled (widget, "map.delete", editing && self->selected->len > 0);
  gtk_widget_action_set_enabled (widget, "map.layout", has_map && n_teams > 0);
  gtk_widget_action_set_enabled (widget, "map.tidy", has_map && n_teams > 0);
  gtk_widget_action_set_enabled (widget, "map.import", has_map);
  gtk_widget_action_set_enabled (widget, "map.zoom-in", on_map);
  gtk_widget_action_set_enabled (widget, "map.zoom-out", on_map);
  gtk_widget_action_set_enabled (widget, "map.zoom-fit", on_map);
}

/* ------------------------------------------------------------------------
 * The shared selection
 */

static void
set_selected (PwMapPage *self,
              GPtrArray *teams,
              GtkWidget *from)
{
  PwTeam **pdata;
  guint len;

  g_clear_pointer (&self->selected, g_ptr_array_unref);
  self->selected = teams ? g_ptr_array_ref (teams) : g_ptr_array_new_with_free_func (g_object_unref);
  pdata = (PwTeam **) self->selected->pdata;
  len = self->selected->len;

  self->syncing = TRUE;
  if (from != GTK_WIDGET (self->canvas))
    pw_org_canvas_select_teams (self->canvas, pdata, len);
  if (from != GTK_WIDGET (self->team_list))
    pw_team_list_select_teams (self->team_list, pdata, len);
  self->syncing = FALSE;

  pw_team_panel_set_team (self->team_panel, len == 1 ? pdata[0] : NULL);
  update_actions (self);
}

static void
canvas_selection_changed_cb (PwMapPage   *self,
                             PwOrgCanvas *canvas)
{
  g_autoptr(GPtrArray) teams = NULL;

  if (self->syncing)
    return;
  teams = pw_org_canvas_get_selected (canvas);
  set_selected (self, teams, GTK_WIDGET (canvas));
}

static void
list_selection_changed_cb (PwMapPage  *self,
                           PwTeamList *list)
{
  g_autoptr(GPtrArray) teams = NULL;

  if (self->syncing)
    return;
  teams = pw_team_list_get_selected (list);
  set_selected (self, teams, GTK_WIDGET (list));
}

/* A row of the overview: its team selected on the map */
static void
overview_team_activated_cb (PwMapPage       *self,
                            const char      *team_id,
                            PwTeamsOverview *overview)
{
  PwTeam *team;

  if (self->workbook == NULL || team_id == NULL)
    return;

  team = pw_org_map_find_team (pw_workbook_get_org_map (self->workbook), team_id);
  if (team == NULL)
    return;

  pw_map_page_set_view (self, "map");
  pw_map_page_select_teams (self, &team, 1);
}

/* ------------------------------------------------------------------------
 * Following the workbook
 */

/* The toolbar names the model the map shows; its card is in the popover */
static void
model_changed_cb (PwMapPage *self)
{
  PwOrgModel model = pw_org_model_card_get_model (self->model_card);
  g_autofree char *label = NULL;

  gtk_label_set_label (self->model_label, pw_org_model_get_name (model));
  /* Translators: what a screen reader says for the button that names the
   * organizational model the map shows, e.g. “Organizational model: Hub and
   * spoke”; it opens its description */
  label = g_strdup_printf (C_("accessible", "Organizational model: %s"),
                           pw_org_model_get_name (model));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->model_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->model_button), self->workbook != NULL);
}

static gboolean
refresh_cb (gpointer user_data)
{
  PwMapPage *self = user_data;
  g_autoptr(GPtrArray) kept = NULL;
  PwOrgMap *map;

  self->refresh_source = 0;
  if (self->workbook == NULL)
    return G_SOURCE_REMOVE;

  /* A team deleted, or taken back by undo, leaves the selection */
  map = pw_workbook_get_org_map (self->workbook);
  kept = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->selected->len; i++)
    {
      PwTeam *team = g_ptr_array_index (self->selected, i);

      if (pw_org_map_find_team (map, pw_team_get_id (team)) == team)
        g_ptr_array_add (kept, g_object_ref (team));
    }
  if (kept->len != self->selected->len)
    set_selected (self, kept, NULL);

  pw_org_canvas_refresh_states (self->canvas);
  pw_team_list_refresh_states (self->team_list);
  pw_teams_overview_refresh (self->overview);
  update_actions (self);

  return G_SOURCE_REMOVE;
}

/* Phases follow the assessments, and the selection the teams: once an
 * edit is over, not at each of its changes */
static void
workbook_changed_cb (PwMapPage *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_cb, self);
}

static void
set_workbook (PwMapPage  *self,
              PwWorkbook *workbook)
{
  if (self->workbook == workbook)
    return;

  if (self->workbook != NULL)
    g_signal_handlers_disconnect_by_data (self->workbook, self);
  g_set_object (&self->workbook, workbook);
  g_clear_handle_id (&self->refresh_source, g_source_remove);

  set_selected (self, NULL, NULL);
  pw_org_canvas_set_workbook (self->canvas, workbook);
  pw_team_list_set_workbook (self->team_list, workbook);
  pw_teams_overview_set_workbook (self->overview, workbook);
  pw_team_panel_set_workbook (self->team_panel, workbook);
  pw_org_model_card_set_workbook (self->model_card, workbook);
  model_changed_cb (self);

  if (workbook != NULL)
    g_signal_connect_object (workbook, "changed", G_CALLBACK (workbook_changed_cb), self,
                             G_CONNECT_SWAPPED);
  update_actions (self);
}

static void
document_workbook_cb (PwMapPage  *self,
                      GParamSpec *pspec,
                      PwDocument *document)
{
  set_workbook (self, pw_document_get_workbook (document));
}

/* ------------------------------------------------------------------------
 * Actions
 */

static void
add_team (PwMapPage  *self,
          PwTeamKind  kind)
{
  g_autoptr(GPtrArray) added = NULL;
  PwTeam *team;
  double x, y;

  if (self->workbook == NULL)
    return;

  /* On the map, the canvas places it in view and names it in place */
  if (g_strcmp0 (self->view, "map") == 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (self->canvas),
                                  kind == PW_TEAM_HUB ? "canvas.add-hub" : "canvas.add-spoke",
                                  NULL);
      return;
    }

  /* In the list: where the map's view is, on a free place, in one edit */
  pw_org_canvas_get_center (self->canvas, &x, &y);
  pw_workbook_begin_edit (self->workbook,
                          /* Translators: what undo takes back */
                          kind == PW_TEAM_HUB ? _("Add Hub") : _("Add Spoke"));
  team = pw_workbook_add_team (self->workbook, kind, NULL, (int) x, (int) y);
  added = g_ptr_array_new ();
  g_ptr_array_add (added, team);
  pw_org_layout_teams (pw_workbook_get_org_map (self->workbook), added);
  pw_workbook_end_edit (self->workbook);

  pw_map_page_select_teams (self, &team, 1);
}

static void
add_hub_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  add_team (PW_MAP_PAGE (widget), PW_TEAM_HUB);
}

static void
add_spoke_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  add_team (PW_MAP_PAGE (widget), PW_TEAM_SPOKE);
}

static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PwMapPage *self = PW_MAP_PAGE (widget);
  PwTeam *a, *b;

  if (self->workbook == NULL || self->selected->len != 2)
    return;

  a = g_ptr_array_index (self->selected, 0);
  b = g_ptr_array_index (self->selected, 1);
  /* A spoke's link goes from its hub */
  if (pw_team_get_kind (a) != PW_TEAM_HUB && pw_team_get_kind (b) == PW_TEAM_HUB)
    {
      PwTeam *swap = a;

      a = b;
      b = swap;
    }
  pw_org_map_link_teams (pw_workbook_get_org_map (self->workbook),
                         pw_team_get_id (a), pw_team_get_id (b));
  update_actions (self);
}

static void
disconnect_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PwMapPage *self = PW_MAP_PAGE (widget);

  if (self->workbook == NULL || self->selected->len != 2)
    return;

  pw_org_map_unlink_teams (pw_workbook_get_org_map (self->workbook),
                           pw_team_get_id (g_ptr_array_index (self->selected, 0)),
                           pw_team_get_id (g_ptr_array_index (self->selected, 1)));
  update_actions (self);
}

/* Deletes the selected teams at once, with their links and the
 * assessments of their own, and offers to undo it */
static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PwMapPage *self = PW_MAP_PAGE (widget);
  g_autoptr(GPtrArray) teams = NULL;
  g_autofree char *first = NULL;
  g_autofree char *text = NULL;
  GtkRoot *root;
  guint n_assessments = 0;

  if (self->workbook == NULL || self->selected->len == 0)
    return;

  teams = g_ptr_array_ref (self->selected);
  first = g_strdup (pw_team_get_name (g_ptr_array_index (teams, 0)));
  for (guint i = 0; i < teams->len; i++)
    n_assessments += pw_workbook_count_team_assessments (self->workbook,
                                                         pw_team_get_id (g_ptr_array_index (teams, i)));

  pw_workbook_delete_teams (self->workbook, (PwTeam * const *) teams->pdata, teams->len);
  set_selected (self, NULL, NULL);

  if (teams->len == 1 && n_assessments == 0)
    /* Translators: a toast after deleting a team; %s is its name */
    text = g_strdup_printf (_("Deleted “%s”"), first);
  else if (teams->len == 1)
    /* Translators: a toast after deleting a team; %s is its name, %u how
     * many of its assessments went with it */
    text = g_strdup_printf (ngettext ("Deleted “%s” and its assessment",
                                      "Deleted “%s” and its %u assessments", n_assessments),
                            first, n_assessments);
  else if (n_assessments == 0)
    /* Translators: a toast after deleting several teams */
    text = g_strdup_printf (ngettext ("Deleted %u team", "Deleted %u teams", teams->len),
                            teams->len);
  else
    {
      /* Translators: a toast after deleting several teams; the second part
       * says how many assessments went with them */
      g_autofree char *n = g_strdup_printf (ngettext ("%u team", "%u teams", teams->len),
                                            teams->len);
      text = g_strdup_printf (ngettext ("Deleted %s and %u assessment",
                                        "Deleted %s and %u assessments", n_assessments),
                              n, n_assessments);
    }

  root = gtk_widget_get_root (widget);
  if (PW_IS_WINDOW (root))
    pw_window_show_undo_toast (PW_WINDOW (root), text);
}

/* Places every team anew, or aligns them to the grid, as one edit; the
 * whole map is then shown */
static void
arrange_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PwMapPage *self = PW_MAP_PAGE (widget);
  gboolean tidy = g_str_equal (action_name, "map.tidy");
  PwOrgMap *map;

  if (self->workbook == NULL)
    return;

  map = pw_workbook_get_org_map (self->workbook);
  /* Translators: what undo takes back */
  pw_workbook_begin_edit (self->workbook, tidy ? _("Tidy") : _("Automatic Layout"));
  if (tidy)
    pw_org_layout_tidy (map);
  else
    pw_org_layout_all (map);
  pw_workbook_end_edit (self->workbook);

  if (!tidy)
    pw_org_canvas_zoom_to_fit (self->canvas);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PwMapPage *self = PW_MAP_PAGE (widget);

  if (g_str_equal (action_name, "map.zoom-in"))
    gtk_widget_activate_action (GTK_WIDGET (self->canvas), "canvas.zoom-in", NULL);
  else if (g_str_equal (action_name, "map.zoom-out"))
    gtk_widget_activate_action (GTK_WIDGET (self->canvas), "canvas.zoom-out", NULL);
  else
    pw_org_canvas_zoom_to_fit (self->canvas);
}

/* After an import, its teams are selected and shown */
static void
imported_cb (guint    n_teams,
             gpointer user_data)
{
  g_autoptr(PwMapPage) self = user_data;
  g_autofree char *text = NULL;
  GtkRoot *root;

  if (n_teams == 0 || self->workbook == NULL)
    return;

  pw_org_canvas_zoom_to_fit (self->canvas);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  /* Translators: a toast after importing teams from a CSV file */
  text = g_strdup_printf (ngettext ("Imported %u team", "Imported %u teams", n_teams), n_teams);
  if (PW_IS_WINDOW (root))
    pw_window_show_undo_toast (PW_WINDOW (root), text);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PwMapPage *self = PW_MAP_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->workbook == NULL || !GTK_IS_WINDOW (root))
    return;

  pw_team_import_dialog_run (GTK_WINDOW (root), self->workbook, imported_cb, g_object_ref (self));
}

/* ------------------------------------------------------------------------
 * The page
 */

static void
show_legend_changed_cb (PwMapPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHOW_LEGEND]);
}

static void
pw_map_page_dispose (GObject *object)
{
  PwMapPage *self = PW_MAP_PAGE (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->workbook != NULL)
    g_signal_handlers_disconnect_by_data (self->workbook, self);
  /* The views may say their selection changed as they go */
  if (self->canvas != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->canvas, self);
      g_signal_handlers_disconnect_by_data (self->team_list, self);
      g_signal_handlers_disconnect_by_data (self->overview, self);
      g_signal_handlers_disconnect_by_data (self->model_card, self);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_MAP_PAGE);

  g_clear_object (&self->document);
  g_clear_object (&self->workbook);
  g_clear_pointer (&self->selected, g_ptr_array_unref);
  g_clear_pointer (&self->view, g_free);

  G_OBJECT_CLASS (pw_map_page_parent_class)->dispose (object);
}

static void
pw_map_page_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PwMapPage *self = PW_MAP_PAGE (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_string (value, self->view);
      break;

    case PROP_SHOW_LEGEND:
      /* Also asked before the template is there, for the action's state */
      g_value_set_boolean (value, self->canvas == NULL || pw_org_canvas_get_show_legend (self->canvas));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_map_page_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  PwMapPage *self = PW_MAP_PAGE (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      pw_map_page_set_view (self, g_value_get_string (value));
      break;

    case PROP_SHOW_LEGEND:
      if (self->canvas != NULL)
        pw_org_canvas_set_show_legend (self->canvas, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_map_page_class_init (PwMapPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_map_page_dispose;
  object_class->get_property = pw_map_page_get_property;
  object_class->set_property = pw_map_page_set_property;

  /**
   * PwMapPage:view:
   *
   * How the teams are shown: "map", "list" or "overview".
   */
  properties [PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL,
                         "map",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * PwMapPage:show-legend:
   *
   * Whether the map shows its legend of the phases and shapes.
   */
  properties [PROP_SHOW_LEGEND] =
    g_param_spec_boolean ("show-legend", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PW_TYPE_ORG_CANVAS);
  g_type_ensure (PW_TYPE_TEAM_LIST);
  g_type_ensure (PW_TYPE_TEAMS_OVERVIEW);
  g_type_ensure (PW_TYPE_TEAM_PANEL);
  g_type_ensure (PW_TYPE_ORG_MODEL_CARD);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pw-map-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PwMapPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, PwMapPage, canvas);
  gtk_widget_class_bind_template_child (widget_class, PwMapPage, team_list);
  gtk_widget_class_bind_template_child (widget_class, PwMapPage, overview);
  gtk_widget_class_bind_template_child (widget_class, PwMapPage, team_panel);
  gtk_widget_class_bind_template_child (widget_class, PwMapPage, model_card);
  gtk_widget_class_bind_template_child (widget_class, PwMapPage, model_button);
  gtk_widget_class_bind_template_child (widget_class, PwMapPage, model_label);
  gtk_widget_class_bind_template_child (widget_class, PwMapPage, side_box);
  gtk_widget_class_bind_template_child (widget_class, PwMapPage, side_separator);

  gtk_widget_class_install_property_action (widget_class, "map.view", "view");
  gtk_widget_class_install_property_action (widget_class, "map.show-legend", "show-legend");
  gtk_widget_class_install_action (widget_class, "map.add-hub", NULL, add_hub_action);
  gtk_widget_class_install_action (widget_class, "map.add-spoke", NULL, add_spoke_action);
  gtk_widget_class_install_action (widget_class, "map.connect", NULL, connect_action);
  gtk_widget_class_install_action (widget_class, "map.disconnect", NULL, disconnect_action);
  gtk_widget_class_install_action (widget_class, "map.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "map.layout", NULL, arrange_action);
  gtk_widget_class_install_action (widget_class, "map.tidy", NULL, arrange_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "map.import", NULL, import_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "map.connect", NULL);
}

static void
pw_map_page_init (PwMapPage *self)
{
  self->selected = g_ptr_array_new_with_free_func (g_object_unref);
  self->view = g_strdup ("map");

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->canvas, "selection-changed",
                           G_CALLBACK (canvas_selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->team_list, "selection-changed",
                           G_CALLBACK (list_selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->overview, "team-activated",
                           G_CALLBACK (overview_team_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "notify::show-legend",
                           G_CALLBACK (show_legend_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model_card, "notify::model",
                           G_CALLBACK (model_changed_cb), self, G_CONNECT_SWAPPED);
  update_actions (self);
  model_changed_cb (self);
}

/**
 * pw_map_page_set_document:
 * @document: (nullable): the document to show
 *
 * Shows the organization map of @document's workbook, also after it is
 * loaded again.
 */
void
pw_map_page_set_document (PwMapPage  *self,
                          PwDocument *document)
{
  g_return_if_fail (PW_IS_MAP_PAGE (self));
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
 * pw_map_page_get_selected:
 *
 * Returns: (transfer container): the selected teams, in map order
 */
GPtrArray *
pw_map_page_get_selected (PwMapPage *self)
{
  g_return_val_if_fail (PW_IS_MAP_PAGE (self), NULL);

  return g_ptr_array_copy (self->selected, (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
}

/**
 * pw_map_page_select_teams:
 * @teams: (array length=n_teams): teams of the map
 *
 * Selects @teams on the map and in the list, and shows the one in the
 * panel when it is one.
 */
void
pw_map_page_select_teams (PwMapPage      *self,
                          PwTeam * const *teams,
                          guint           n_teams)
{
  g_autoptr(GPtrArray) selected = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (PW_IS_MAP_PAGE (self));

  for (guint i = 0; i < n_teams; i++)
    g_ptr_array_add (selected, g_object_ref (teams[i]));
  set_selected (self, selected, NULL);
}

const char *
pw_map_page_get_view (PwMapPage *self)
{
  g_return_val_if_fail (PW_IS_MAP_PAGE (self), NULL);

  return self->view;
}

/**
 * pw_map_page_set_view:
 * @view: "map", "list" or "overview"
 *
 * Shows the teams on the map, in the list or in the teams overview; the
 * panel of the selected team goes with the map and the list.
 */
void
pw_map_page_set_view (PwMapPage  *self,
                      const char *view)
{
  gboolean overview;

  g_return_if_fail (PW_IS_MAP_PAGE (self));

  if (g_strcmp0 (view, "map") != 0 && g_strcmp0 (view, "list") != 0
      && g_strcmp0 (view, "overview") != 0)
    view = "map";
  if (g_strcmp0 (self->view, view) == 0)
    return;

  g_free (self->view);
  self->view = g_strdup (view);
  overview = g_str_equal (view, "overview");

  if (overview)
    pw_teams_overview_refresh (self->overview);
  gtk_stack_set_visible_child_name (self->view_stack, view);
  gtk_widget_set_visible (self->side_box, !overview);
  gtk_widget_set_visible (self->side_separator, !overview);
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VIEW]);
}

GtkWidget *
pw_map_page_get_canvas (PwMapPage *self)
{
  g_return_val_if_fail (PW_IS_MAP_PAGE (self), NULL);

  return GTK_WIDGET (self->canvas);
}

GtkWidget *
pw_map_page_get_team_list (PwMapPage *self)
{
  g_return_val_if_fail (PW_IS_MAP_PAGE (self), NULL);

  return GTK_WIDGET (self->team_list);
}

GtkWidget *
pw_map_page_get_overview (PwMapPage *self)
{
  g_return_val_if_fail (PW_IS_MAP_PAGE (self), NULL);

  return GTK_WIDGET (self->overview);
}

GtkWidget *
pw_map_page_get_panel (PwMapPage *self)
{
  g_return_val_if_fail (PW_IS_MAP_PAGE (self), NULL);

  return GTK_WIDGET (self->team_panel);
}
