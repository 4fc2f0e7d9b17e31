/* pw-org-canvas.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-org-canvas"

#include "config.h"

#include <math.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "pw-map-painter.h"
#include "pw-org-canvas-private.h"
#include "pw-org-canvas.h"
#include "pw-org-layout.h"
#include "pw-utils-private.h"

/**
 * PwOrgCanvas:
 *
 * The organization map on screen: the teams and their links as
 * #PwMapPainter draws them, in the colours of their phases, with the
 * legend in a corner.  Teams are selected by clicking (Ctrl or Shift adds
 * and removes one) or by dragging a rectangle over empty space, moved by
 * dragging them or with the arrow keys, and linked by dragging from one to
 * another with Shift or Alt held.  The scroll wheel pans, Ctrl and the
 * wheel or a pinch zooms around the pointer, the middle button drags the
 * view.
 *
 * Every edit goes through the workbook as one undo step.  What the canvas
 * can do is also a widget action (canvas.add-hub, canvas.delete,
 * canvas.zoom-fit…), enabled when it applies, for the toolbar, the menus
 * and the keyboard shortcuts.
 *
 * For assistive technologies the canvas is a labelled group whose
 * description says what is selected; the team list is the complete
 * keyboard alternative.
 */

/* What the arrow keys move the selection by, in map units */
#define MOVE_STEP        20
#define MOVE_STEP_LARGE 100
/* Each zoom step multiplies or divides the zoom by this */
#define ZOOM_STEP        1.25
/* How far a wheel step pans, in pixels */
#define SCROLL_STEP      64.0
/* Room around the map when it is fitted to the view, and around the legend,
 * in pixels */
#define FIT_MARGIN       32.0
#define LEGEND_MARGIN    12.0
#define LEGEND_PADDING   10.0
/* At most this many names in the description of the selection */
#define MAX_DESCRIBED    10

typedef enum
{
  DRAG_NONE,
  DRAG_PENDING,   /* pressed, not moved far enough yet */
  DRAG_MOVE,
  DRAG_CONNECT,
  DRAG_RUBBER_BAND,
} DragMode;

struct _PwOrgCanvas
{
  GtkWidget          parent_instance;

  PwWorkbook        *workbook;
  PwOrgMap          *map;
  PwMapPainter      *painter;
  GPtrArray         *assessments;     /* those whose "changed" is connected */
  gboolean           states_dirty;
  gboolean           needs_fit;

  GHashTable        *selected;        /* team id (owned) → itself */

  gboolean           show_legend;

  double             zoom;
  double             center_x;        /* map units at the middle of the widget */
  double             center_y;

  /* The primary button's drag */
  DragMode           drag_mode;
  double             drag_x;          /* where it started, in widget pixels */
  double             drag_y;
  GdkModifierType    drag_modifiers;
  char              *drag_team_id;    /* the team pressed on, or NULL */
  GHashTable        *band_base;       /* the selection a rubber band adds to */

  /* The middle button's drag */
  double             pan_center_x;
  double             pan_center_y;

  /* Pinch zoom */
  double             pinch_zoom;

  /* The pointer, for zooming around it */
  double             pointer_x;
  double             pointer_y;
  gboolean           has_pointer;

  GHashTable        *disabled;        /* names of the actions disabled now */
  guint              describe_source; /* updates the description when idle */

  GtkWidget         *rename_popover;
  GtkWidget         *rename_entry;
  char              *rename_team_id;
};

G_DEFINE_FINAL_TYPE (PwOrgCanvas, pw_org_canvas, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ZOOM,
  PROP_SHOW_LEGEND,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  SELECTION_CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void update_actions (PwOrgCanvas *self);

/* Geometry */

static double
get_width (PwOrgCanvas *self)
{
  return MAX (1, gtk_widget_get_width (GTK_WIDGET (self)));
}

static double
get_height (PwOrgCanvas *self)
{
  return MAX (1, gtk_widget_get_height (GTK_WIDGET (self)));
}

void
_pw_org_canvas_screen_to_map (PwOrgCanvas *self,
                              double       screen_x,
                              double       screen_y,
                              double      *map_x,
                              double      *map_y)
{
  g_return_if_fail (PW_IS_ORG_CANVAS (self));

  *map_x = self->center_x + (screen_x - get_width (self) / 2) / self->zoom;
  *map_y = self->center_y + (screen_y - get_height (self) / 2) / self->zoom;
}

void
_pw_org_canvas_map_to_screen (PwOrgCanvas *self,
                              double       map_x,
                              double       map_y,
                              double      *screen_x,
                              double      *screen_y)
{
  g_return_if_fail (PW_IS_ORG_CANVAS (self));

  *screen_x = (map_x - self->center_x) * self->zoom + get_width (self) / 2;
  *screen_y = (map_y - self->center_y) * self->zoom + get_height (self) / 2;
}

void
_pw_org_canvas_get_visible (PwOrgCanvas *self,
                            double      *x,
                            double      *y,
                            double      *width,
                            double      *height)
{
  g_return_if_fail (PW_IS_ORG_CANVAS (self));

  *width = get_width (self) / self->zoom;
  *height = get_height (self) / self->zoom;
  *x = self->center_x - *width / 2;
  *y = self->center_y - *height / 2;
}

void
_pw_org_canvas_set_center (PwOrgCanvas *self,
                           double       x,
                           double       y)
{
  g_return_if_fail (PW_IS_ORG_CANVAS (self));

  self->center_x = CLAMP (x, PW_TEAM_MIN_COORDINATE, PW_TEAM_MAX_COORDINATE);
  self->center_y = CLAMP (y, PW_TEAM_MIN_COORDINATE, PW_TEAM_MAX_COORDINATE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Zooms so that the map point under the widget point sx, sy stays there */
static void
zoom_around (PwOrgCanvas *self,
             double       zoom,
             double       sx,
             double       sy)
{
  double mx, my;

  zoom = CLAMP (zoom, PW_ORG_CANVAS_MIN_ZOOM, PW_ORG_CANVAS_MAX_ZOOM);
  if (zoom == self->zoom)
    return;

  _pw_org_canvas_screen_to_map (self, sx, sy, &mx, &my);
  self->zoom = zoom;
  _pw_org_canvas_set_center (self, mx - (sx - get_width (self) / 2) / zoom,
                             my - (sy - get_height (self) / 2) / zoom);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ZOOM]);
}

/* The team's box in widget pixels */
static void
get_team_screen_rect (PwOrgCanvas       *self,
                      PwTeam            *team,
                      cairo_rectangle_t *rect)
{
  cairo_rectangle_t map_rect;

  pw_map_painter_get_team_rect (self->painter, team, &map_rect);
  _pw_org_canvas_map_to_screen (self, map_rect.x, map_rect.y, &rect->x, &rect->y);
  rect->width = map_rect.width * self->zoom;
  rect->height = map_rect.height * self->zoom;
}

/* Centres the view on the team unless it is in view whole */
static void
scroll_to_team (PwOrgCanvas *self,
                PwTeam      *team)
{
  cairo_rectangle_t rect;

  get_team_screen_rect (self, team, &rect);
  if (rect.x >= 0 && rect.y >= 0 && rect.x + rect.width <= get_width (self)
      && rect.y + rect.height <= get_height (self))
    return;

  _pw_org_canvas_set_center (self, pw_team_get_x (team), pw_team_get_y (team));
}

/* States and colours */

static void
update_colors (PwOrgCanvas *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  PwMapColors colors;

  if (self->painter == NULL)
    return;

  pw_map_colors_init_default (&colors, adw_style_manager_get_dark (style_manager));
  pw_map_painter_set_colors (self->painter, &colors);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
dark_changed_cb (PwOrgCanvas *self)
{
  update_colors (self);
}

static void
ensure_states (PwOrgCanvas *self)
{
  GDate today;

  if (!self->states_dirty || self->painter == NULL)
    return;

  self->states_dirty = FALSE;
  pw_map_painter_update_states (self->painter, self->workbook, _pw_date_init_today (&today));
}

static void
states_changed_cb (PwOrgCanvas *self)
{
  self->states_dirty = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
disconnect_assessments (PwOrgCanvas *self)
{
  for (guint i = 0; i < self->assessments->len; i++)
    g_signal_handlers_disconnect_by_func (self->assessments->pdata[i], states_changed_cb, self);
  g_ptr_array_set_size (self->assessments, 0);
}

static void
assessments_changed_cb (PwOrgCanvas *self)
{
  GListModel *assessments = pw_workbook_get_assessments (self->workbook);

  disconnect_assessments (self);
  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      PwAssessment *assessment = g_list_model_get_item (assessments, i);

      g_signal_connect_object (assessment, "changed", G_CALLBACK (states_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_ptr_array_add (self->assessments, assessment);
    }
  states_changed_cb (self);
}

/* Selection */

static gboolean
is_selected (PwOrgCanvas *self,
             PwTeam      *team)
{
  return g_hash_table_contains (self->selected, pw_team_get_id (team));
}

static GHashTable *
new_id_set (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
update_description (PwOrgCanvas *self)
{
  g_autoptr(GPtrArray) teams = pw_org_canvas_get_selected (self);
  g_autofree char *description = NULL;

  if (teams->len == 0)
    {
      guint n_teams = self->map != NULL
                      ? g_list_model_get_n_items (pw_org_map_get_teams (self->map)) : 0;

      /* Translators: the description of the organization map for screen readers */
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u team, none selected",
                                                  "%u teams, none selected", n_teams),
                                     n_teams);
    }
  else
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < MIN (teams->len, MAX_DESCRIBED); i++)
        {
          if (i > 0)
            /* Translators: separates the names of the selected teams */
            g_string_append (names, _(", "));
          g_string_append (names, pw_team_get_name (teams->pdata[i]));
        }
      if (teams->len > MAX_DESCRIBED)
        /* Translators: after the names of the first ten selected teams, when there are more */
        g_string_append (names, _(", …"));

      /* Translators: the description of the organization map for screen readers: how many
       * teams are selected, and their names */
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u team selected: %s",
                                                  "%u teams selected: %s", teams->len),
                                     teams->len, names->str);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
describe_cb (gpointer data)
{
  PwOrgCanvas *self = data;

  self->describe_source = 0;
  update_description (self);
}

/* The description after a burst of changes, as a layout moving every team */
static void
queue_description (PwOrgCanvas *self)
{
  if (self->describe_source == 0)
    self->describe_source = g_idle_add_once (describe_cb, self);
}

static void
selection_changed (PwOrgCanvas *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
  update_actions (self);
  update_description (self);
  g_signal_emit (self, signals [SELECTION_CHANGED], 0);
}

static gboolean
same_ids (GHashTable *a,
          GHashTable *b)
{
  GHashTableIter iter;
  gpointer id;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (!g_hash_table_contains (b, id))
      return FALSE;

  return TRUE;
}

static void
select_ids (PwOrgCanvas *self,
            GHashTable  *ids)
{
  g_autoptr(GHashTable) before = new_id_set ();
  GHashTableIter iter;
  gpointer id;

  g_hash_table_iter_init (&iter, self->selected);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    g_hash_table_add (before, g_strdup (id));

  g_hash_table_remove_all (self->selected);
  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (self->map != NULL && pw_org_map_find_team (self->map, id) != NULL)
      g_hash_table_add (self->selected, g_strdup (id));

  if (!same_ids (before, self->selected))
    selection_changed (self);
}

static void
select_only (PwOrgCanvas *self,
             PwTeam      *team)
{
  g_autoptr(GHashTable) ids = new_id_set ();

  if (team != NULL)
    g_hash_table_add (ids, g_strdup (pw_team_get_id (team)));
  select_ids (self, ids);
}

static void
toggle_selected (PwOrgCanvas *self,
                 PwTeam      *team)
{
  const char *id = pw_team_get_id (team);

  if (!g_hash_table_remove (self->selected, id))
    g_hash_table_add (self->selected, g_strdup (id));
  selection_changed (self);
}

static void
add_to_selection (PwOrgCanvas *self,
                  PwTeam      *team)
{
  if (g_hash_table_add (self->selected, g_strdup (pw_team_get_id (team))))
    selection_changed (self);
}

/* Drops the teams that are no longer on the map */
static void
prune_selection (PwOrgCanvas *self)
{
  GHashTableIter iter;
  gpointer id;
  gboolean changed = FALSE;

  g_hash_table_iter_init (&iter, self->selected);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (self->map == NULL || pw_org_map_find_team (self->map, id) == NULL)
      {
        g_hash_table_iter_remove (&iter);
        changed = TRUE;
      }

  if (changed)
    selection_changed (self);
}

/* The two selected teams, in map order, when exactly two are */
static gboolean
get_selected_pair (PwOrgCanvas  *self,
                   PwTeam      **a,
                   PwTeam      **b)
{
  g_autoptr(GPtrArray) teams = NULL;

  if (g_hash_table_size (self->selected) != 2)
    return FALSE;

  teams = pw_org_canvas_get_selected (self);
  if (teams->len != 2)
    return FALSE;

  /* The map keeps them */
  *a = teams->pdata[0];
  *b = teams->pdata[1];

  return TRUE;
}

static void
set_action_enabled (PwOrgCanvas *self,
                    const char  *name,
                    gboolean     enabled)
{
  if (enabled)
    g_hash_table_remove (self->disabled, name);
  else
    g_hash_table_add (self->disabled, (gpointer) name);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), name, enabled);
}

/**
 * _pw_org_canvas_get_action_enabled:
 * @name: the name of an action of the canvas, "canvas.delete"
 *
 * Returns: whether it is enabled now
 */
gboolean
_pw_org_canvas_get_action_enabled (PwOrgCanvas *self,
                                   const char  *name)
{
  g_return_val_if_fail (PW_IS_ORG_CANVAS (self), FALSE);

  return !g_hash_table_contains (self->disabled, name);
}

static void
update_actions (PwOrgCanvas *self)
{
  gboolean has_map = self->map != NULL;
  guint n_teams = has_map ? g_list_model_get_n_items (pw_org_map_get_teams (self->map)) : 0;
  guint n_selected = g_hash_table_size (self->selected);
  PwTeam *a = NULL, *b = NULL;
  gboolean pair = get_selected_pair (self, &a, &b);
  gboolean linked = pair && pw_org_map_has_link (self->map, pw_team_get_id (a),
                                                 pw_team_get_id (b));

  set_action_enabled (self, "canvas.add-hub", has_map);
  set_action_enabled (self, "canvas.add-spoke", has_map);
  set_action_enabled (self, "canvas.delete", n_selected > 0);
  set_action_enabled (self, "canvas.rename", n_selected == 1);
  set_action_enabled (self, "canvas.move", n_selected > 0);
  set_action_enabled (self, "canvas.select-all", n_selected < n_teams);
  set_action_enabled (self, "canvas.select-none", n_selected > 0);
  set_action_enabled (self, "canvas.connect", pair && !linked);
  set_action_enabled (self, "canvas.disconnect", linked);
  set_action_enabled (self, "canvas.zoom-in", self->zoom < PW_ORG_CANVAS_MAX_ZOOM);
  set_action_enabled (self, "canvas.zoom-out", self->zoom > PW_ORG_CANVAS_MIN_ZOOM);
  set_action_enabled (self, "canvas.zoom-reset", self->zoom != 1.0);
  set_action_enabled (self, "canvas.zoom-fit", n_teams > 0);
  set_action_enabled (self, "canvas.layout", n_teams > 0);
  set_action_enabled (self, "canvas.tidy", n_teams > 0);
}

/* The map's changes */

static void
map_changed_cb (PwOrgCanvas *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (g_hash_table_size (self->selected) > 0)
    queue_description (self);
}

static void
teams_changed_cb (PwOrgCanvas *self)
{
  self->states_dirty = TRUE;
  prune_selection (self);
  update_actions (self);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
links_changed_cb (PwOrgCanvas *self)
{
  update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Renaming */

static void
rename_activate_cb (PwOrgCanvas *self)
{
  PwTeam *team = NULL;
  g_autofree char *name = NULL;

  if (self->rename_team_id != NULL && self->map != NULL)
    team = pw_org_map_find_team (self->map, self->rename_team_id);

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->rename_entry))));
  if (team != NULL && *name != '\0' && g_strcmp0 (name, pw_team_get_name (team)) != 0)
    pw_team_set_name (team, name);

  gtk_popover_popdown (GTK_POPOVER (self->rename_popover));
}

static void
rename_closed_cb (PwOrgCanvas *self)
{
  g_clear_pointer (&self->rename_team_id, g_free);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
start_rename (PwOrgCanvas *self,
              PwTeam      *team)
{
  cairo_rectangle_t rect;
  GdkRectangle pointing;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  scroll_to_team (self, team);
  get_team_screen_rect (self, team, &rect);
  pointing.x = (int) floor (CLAMP (rect.x, 0, get_width (self)));
  pointing.y = (int) floor (CLAMP (rect.y, 0, get_height (self)));
  pointing.width = MAX (1, (int) ceil (MIN (rect.x + rect.width, get_width (self))) - pointing.x);
  pointing.height = MAX (1, (int) ceil (MIN (rect.y + rect.height, get_height (self)))
                            - pointing.y);

  g_free (self->rename_team_id);
  self->rename_team_id = g_strdup (pw_team_get_id (team));
  gtk_editable_set_text (GTK_EDITABLE (self->rename_entry), pw_team_get_name (team));
  gtk_popover_set_pointing_to (GTK_POPOVER (self->rename_popover), &pointing);
  gtk_popover_popup (GTK_POPOVER (self->rename_popover));
  gtk_widget_grab_focus (self->rename_entry);
  gtk_editable_select_region (GTK_EDITABLE (self->rename_entry), 0, -1);
}

/* Actions */

/* A name no team of the map has: @base, else "@base 2", "@base 3"… */
static char *
find_free_name (PwOrgCanvas *self,
                const char  *base)
{
  GListModel *teams = pw_org_map_get_teams (self->map);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(PwTeam) team = g_list_model_get_item (teams, i);

      g_hash_table_add (names, (gpointer) pw_team_get_name (team));
    }

  if (!g_hash_table_contains (names, base))
    return g_strdup (base);

  for (guint n = 2;; n++)
    {
      /* Translators: the name of a new team when "New Hub" is taken already, "New Hub 2" */
      g_autofree char *name = g_strdup_printf (C_("new team", "%s %u"), base, n);

      if (!g_hash_table_contains (names, name))
        return g_steal_pointer (&name);
    }
}

/* A place near the middle of the view where a team of @kind overlaps no
 * other, with the layout's spacing around it */
static void
find_free_spot (PwOrgCanvas *self,
                PwTeamKind   kind,
                int         *x,
                int         *y)
{
  double width = kind == PW_TEAM_HUB ? PW_TEAM_HUB_DIAMETER : PW_TEAM_SPOKE_WIDTH;
  double height = kind == PW_TEAM_HUB ? PW_TEAM_HUB_DIAMETER : PW_TEAM_SPOKE_HEIGHT;
  double step_x = width + PW_ORG_LAYOUT_SPACING;
  double step_y = height + PW_ORG_LAYOUT_SPACING;
  int cx = (int) (round (self->center_x / PW_ORG_LAYOUT_GRID) * PW_ORG_LAYOUT_GRID);
  int cy = (int) (round (self->center_y / PW_ORG_LAYOUT_GRID) * PW_ORG_LAYOUT_GRID);

  /* Ring after ring around the middle, nearest first along each ring */
  for (int ring = 0; ring < 200; ring++)
    {
      for (int j = -ring; j <= ring; j++)
        for (int i = -ring; i <= ring; i++)
          {
            cairo_rectangle_t rect;
            g_autoptr(GPtrArray) hits = NULL;

            if (MAX (ABS (i), ABS (j)) != ring)
              continue;

            rect.x = cx + i * step_x - width / 2 - PW_ORG_LAYOUT_SPACING;
            rect.y = cy + j * step_y - height / 2 - PW_ORG_LAYOUT_SPACING;
            rect.width = width + 2 * PW_ORG_LAYOUT_SPACING;
            rect.height = height + 2 * PW_ORG_LAYOUT_SPACING;
            hits = pw_map_painter_pick_rect (self->painter, &rect);
            if (hits->len == 0)
              {
                *x = cx + (int) (i * step_x);
                *y = cy + (int) (j * step_y);
                return;
              }
          }
    }

  *x = cx;
  *y = cy;
}

static void
add_team (PwOrgCanvas *self,
          PwTeamKind   kind)
{
  /* Translators: the name of a team just added to the organization map */
  const char *base = kind == PW_TEAM_HUB ? _("New Hub") : _("New Spoke");
  g_autofree char *name = NULL;
  PwTeam *team;
  int x, y;

  g_return_if_fail (self->workbook != NULL);

  name = find_free_name (self, base);
  find_free_spot (self, kind, &x, &y);
  team = pw_workbook_add_team (self->workbook, kind, name, x, y);
  pw_org_canvas_select_teams (self, &team, 1);
  start_rename (self, team);
}

static void
add_hub_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  add_team (PW_ORG_CANVAS (widget), PW_TEAM_HUB);
}

static void
add_spoke_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  add_team (PW_ORG_CANVAS (widget), PW_TEAM_SPOKE);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PwOrgCanvas *self = PW_ORG_CANVAS (widget);
  g_autoptr(GPtrArray) teams = pw_org_canvas_get_selected (self);

  if (teams->len > 0)
    pw_workbook_delete_teams (self->workbook, (PwTeam * const *) teams->pdata, teams->len);
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PwOrgCanvas *self = PW_ORG_CANVAS (widget);
  g_autoptr(GPtrArray) teams = pw_org_canvas_get_selected (self);

  if (teams->len == 1)
    start_rename (self, teams->pdata[0]);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PwOrgCanvas *self = PW_ORG_CANVAS (widget);
  g_autoptr(GPtrArray) teams = pw_org_canvas_get_selected (self);
  int dx, dy;

  g_variant_get (parameter, "(ii)", &dx, &dy);
  if (teams->len > 0)
    pw_workbook_move_teams (self->workbook, (PwTeam * const *) teams->pdata, teams->len, dx, dy);
}

static void
select_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PwOrgCanvas *self = PW_ORG_CANVAS (widget);
  GListModel *teams = pw_org_map_get_teams (self->map);
  g_autoptr(GHashTable) ids = new_id_set ();

  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(PwTeam) team = g_list_model_get_item (teams, i);

      g_hash_table_add (ids, g_strdup (pw_team_get_id (team)));
    }
  select_ids (self, ids);
}

static void
select_none_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  select_only (PW_ORG_CANVAS (widget), NULL);
}

static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PwOrgCanvas *self = PW_ORG_CANVAS (widget);
  PwTeam *a, *b;

  if (get_selected_pair (self, &a, &b))
    pw_org_map_link_teams (self->map, pw_team_get_id (a), pw_team_get_id (b));
}

static void
disconnect_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PwOrgCanvas *self = PW_ORG_CANVAS (widget);
  PwTeam *a, *b;

  if (get_selected_pair (self, &a, &b))
    pw_org_map_unlink_teams (self->map, pw_team_get_id (a), pw_team_get_id (b));
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PwOrgCanvas *self = PW_ORG_CANVAS (widget);

  pw_org_canvas_set_zoom (self, self->zoom * ZOOM_STEP);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PwOrgCanvas *self = PW_ORG_CANVAS (widget);

  pw_org_canvas_set_zoom (self, self->zoom / ZOOM_STEP);
}

static void
zoom_reset_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  pw_org_canvas_set_zoom (PW_ORG_CANVAS (widget), 1.0);
}

static void
zoom_fit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  pw_org_canvas_zoom_to_fit (PW_ORG_CANVAS (widget));
}

static void
layout_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PwOrgCanvas *self = PW_ORG_CANVAS (widget);

  /* Translators: what undo takes back */
  pw_workbook_begin_edit (self->workbook, _("Automatic layout"));
  pw_org_layout_all (self->map);
  pw_workbook_end_edit (self->workbook);
  pw_org_canvas_zoom_to_fit (self);
}

static void
tidy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PwOrgCanvas *self = PW_ORG_CANVAS (widget);

  /* Translators: what undo takes back: the teams snapped to the grid, apart */
  pw_workbook_begin_edit (self->workbook, _("Tidy"));
  pw_org_layout_tidy (self->map);
  pw_workbook_end_edit (self->workbook);
}

/* Every action of the canvas; the actions are only run while enabled */
static const struct
{
  const char                  *name;
  const char                  *parameter_type;
  GtkWidgetActionActivateFunc  activate;
} canvas_actions[] = {
  { "canvas.add-hub", NULL, add_hub_action },
  { "canvas.add-spoke", NULL, add_spoke_action },
  { "canvas.delete", NULL, delete_action },
  { "canvas.rename", NULL, rename_action },
  { "canvas.move", "(ii)", move_action },
  { "canvas.select-all", NULL, select_all_action },
  { "canvas.select-none", NULL, select_none_action },
  { "canvas.connect", NULL, connect_action },
  { "canvas.disconnect", NULL, disconnect_action },
  { "canvas.zoom-in", NULL, zoom_in_action },
  { "canvas.zoom-out", NULL, zoom_out_action },
  { "canvas.zoom-fit", NULL, zoom_fit_action },
  { "canvas.zoom-reset", NULL, zoom_reset_action },
  { "canvas.layout", NULL, layout_action },
  { "canvas.tidy", NULL, tidy_action },
};

static void
activate_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  if (!_pw_org_canvas_get_action_enabled (PW_ORG_CANVAS (widget), action_name))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (canvas_actions); i++)
    if (g_str_equal (canvas_actions[i].name, action_name))
      canvas_actions[i].activate (widget, action_name, parameter);
}

/* Pointer and touch */

static void
set_cursor (PwOrgCanvas *self,
            const char  *name)
{
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), name);
}

/**
 * _pw_org_canvas_drag_begin:
 * @x: where the primary button went down, in widget pixels
 * @y: likewise
 * @modifiers: the modifier keys held
 *
 * What a press of the primary button does; the drag gesture calls it, the
 * tests too.
 *
 * Returns: whether the canvas takes the drag: %FALSE without a map
 */
gboolean
_pw_org_canvas_drag_begin (PwOrgCanvas     *self,
                           double           x,
                           double           y,
                           GdkModifierType  modifiers)
{
  PwTeam *team = NULL;
  double mx, my;

  g_return_val_if_fail (PW_IS_ORG_CANVAS (self), FALSE);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (self->painter == NULL)
    return FALSE;

  _pw_org_canvas_screen_to_map (self, x, y, &mx, &my);
  team = pw_map_painter_pick (self->painter, mx, my);

  self->drag_mode = DRAG_PENDING;
  self->drag_x = x;
  self->drag_y = y;
  self->drag_modifiers = modifiers & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK);
  g_free (self->drag_team_id);
  self->drag_team_id = team != NULL ? g_strdup (pw_team_get_id (team)) : NULL;

  /* Pressing an unselected team selects it, so that it can be dragged */
  if (team != NULL && self->drag_modifiers == 0 && !is_selected (self, team))
    select_only (self, team);

  return TRUE;
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               PwOrgCanvas    *self)
{
  GdkModifierType modifiers;

  modifiers = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  if (_pw_org_canvas_drag_begin (self, x, y, modifiers))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  else
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
}

static PwTeam *
get_drag_team (PwOrgCanvas *self)
{
  if (self->drag_team_id == NULL || self->map == NULL)
    return NULL;

  return pw_org_map_find_team (self->map, self->drag_team_id);
}

static void
update_rubber_band (PwOrgCanvas *self,
                    double       x,
                    double       y)
{
  g_autoptr(GHashTable) ids = new_id_set ();
  g_autoptr(GPtrArray) hits = NULL;
  cairo_rectangle_t rect;
  double x0, y0, x1, y1;
  GHashTableIter iter;
  gpointer id;

  _pw_org_canvas_screen_to_map (self, self->drag_x, self->drag_y, &x0, &y0);
  _pw_org_canvas_screen_to_map (self, x, y, &x1, &y1);
  rect.x = MIN (x0, x1);
  rect.y = MIN (y0, y1);
  rect.width = fabs (x1 - x0);
  rect.height = fabs (y1 - y0);
  pw_map_painter_set_rubber_band (self->painter, &rect);

  if (self->band_base != NULL)
    {
      g_hash_table_iter_init (&iter, self->band_base);
      while (g_hash_table_iter_next (&iter, &id, NULL))
        g_hash_table_add (ids, g_strdup (id));
    }
  hits = pw_map_painter_pick_rect (self->painter, &rect);
  for (guint i = 0; i < hits->len; i++)
    g_hash_table_add (ids, g_strdup (pw_team_get_id (hits->pdata[i])));

  select_ids (self, ids);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * _pw_org_canvas_drag_update:
 * @offset_x: how far the pointer is from where the drag began, in pixels
 * @offset_y: likewise
 */
void
_pw_org_canvas_drag_update (PwOrgCanvas *self,
                            double       offset_x,
                            double       offset_y)
{
  double x = self->drag_x + offset_x;
  double y = self->drag_y + offset_y;

  if (self->painter == NULL)
    return;

  if (self->drag_mode == DRAG_PENDING)
    {
      PwTeam *team = get_drag_team (self);

      if (!gtk_drag_check_threshold (GTK_WIDGET (self), (int) self->drag_x, (int) self->drag_y,
                                     (int) x, (int) y))
        return;

      if (team != NULL && (self->drag_modifiers & (GDK_SHIFT_MASK | GDK_ALT_MASK)) != 0)
        {
          self->drag_mode = DRAG_CONNECT;
          set_cursor (self, "crosshair");
        }
      else if (team != NULL)
        {
          self->drag_mode = DRAG_MOVE;
          add_to_selection (self, team);
          set_cursor (self, "grabbing");
        }
      else
        {
          self->drag_mode = DRAG_RUBBER_BAND;
          g_clear_pointer (&self->band_base, g_hash_table_unref);
          if ((self->drag_modifiers & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)) != 0)
            {
              GHashTableIter iter;
              gpointer id;

              self->band_base = new_id_set ();
              g_hash_table_iter_init (&iter, self->selected);
              while (g_hash_table_iter_next (&iter, &id, NULL))
                g_hash_table_add (self->band_base, g_strdup (id));
            }
        }
    }

  switch (self->drag_mode)
    {
    case DRAG_MOVE:
      pw_map_painter_set_drag_offset (self->painter, offset_x / self->zoom,
                                      offset_y / self->zoom);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;

    case DRAG_CONNECT:
      {
        double mx, my;

        _pw_org_canvas_screen_to_map (self, x, y, &mx, &my);
        pw_map_painter_set_connect_preview (self->painter, self->drag_team_id, mx, my);
        gtk_widget_queue_draw (GTK_WIDGET (self));
      }
      break;

    case DRAG_RUBBER_BAND:
      update_rubber_band (self, x, y);
      break;

    case DRAG_NONE:
    case DRAG_PENDING:
    default:
      break;
    }
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                PwOrgCanvas    *self)
{
  _pw_org_canvas_drag_update (self, offset_x, offset_y);
}

/* Ends the drag without an edit */
static void
reset_drag (PwOrgCanvas *self)
{
  if (self->painter != NULL)
    {
      pw_map_painter_set_drag_offset (self->painter, 0, 0);
      pw_map_painter_set_connect_preview (self->painter, NULL, 0, 0);
      pw_map_painter_set_rubber_band (self->painter, NULL);
    }
  self->drag_mode = DRAG_NONE;
  g_clear_pointer (&self->drag_team_id, g_free);
  g_clear_pointer (&self->band_base, g_hash_table_unref);
  set_cursor (self, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * _pw_org_canvas_drag_end:
 * @offset_x: where the pointer let go, from where the drag began
 * @offset_y: likewise
 */
void
_pw_org_canvas_drag_end (PwOrgCanvas *self,
                         double       offset_x,
                         double       offset_y)
{
  PwTeam *team = get_drag_team (self);
  DragMode mode = self->drag_mode;

  if (self->painter == NULL)
    {
      reset_drag (self);
      return;
    }

  switch (mode)
    {
    case DRAG_PENDING:
      /* A click */
      if (team != NULL && (self->drag_modifiers & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)) != 0)
        toggle_selected (self, team);
      else if (team != NULL)
        select_only (self, team);
      else if (self->drag_modifiers == 0)
        select_only (self, NULL);
      break;

    case DRAG_MOVE:
      {
        g_autoptr(GPtrArray) teams = pw_org_canvas_get_selected (self);
        int dx = (int) round (offset_x / self->zoom);
        int dy = (int) round (offset_y / self->zoom);

        /* The teams are drawn where they are before they move */
        pw_map_painter_set_drag_offset (self->painter, 0, 0);
        if (teams->len > 0)
          pw_workbook_move_teams (self->workbook, (PwTeam * const *) teams->pdata, teams->len,
                                  dx, dy);
      }
      break;

    case DRAG_CONNECT:
      {
        double mx, my;
        PwTeam *target;

        _pw_org_canvas_screen_to_map (self, self->drag_x + offset_x, self->drag_y + offset_y,
                                      &mx, &my);
        target = pw_map_painter_pick (self->painter, mx, my);
        pw_map_painter_set_connect_preview (self->painter, NULL, 0, 0);
        if (team != NULL && target != NULL && target != team
            && !pw_org_map_has_link (self->map, pw_team_get_id (team), pw_team_get_id (target)))
          pw_org_map_link_teams (self->map, pw_team_get_id (team), pw_team_get_id (target));
      }
      break;

    case DRAG_RUBBER_BAND:
    case DRAG_NONE:
    default:
      break;
    }

  reset_drag (self);
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          offset_x,
             double          offset_y,
             PwOrgCanvas    *self)
{
  _pw_org_canvas_drag_end (self, offset_x, offset_y);
}

static void
drag_cancel_cb (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                PwOrgCanvas      *self)
{
  reset_drag (self);
}

static void
click_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  PwOrgCanvas     *self)
{
  double mx, my;
  PwTeam *team;

  if (n_press != 2 || self->painter == NULL)
    return;

  _pw_org_canvas_screen_to_map (self, x, y, &mx, &my);
  team = pw_map_painter_pick (self->painter, mx, my);
  if (team != NULL)
    {
      select_only (self, team);
      start_rename (self, team);
    }
}

static void
pan_begin_cb (GtkGestureDrag *gesture,
              double          x,
              double          y,
              PwOrgCanvas    *self)
{
  self->pan_center_x = self->center_x;
  self->pan_center_y = self->center_y;
  set_cursor (self, "grabbing");
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
pan_update_cb (GtkGestureDrag *gesture,
               double          offset_x,
               double          offset_y,
               PwOrgCanvas    *self)
{
  _pw_org_canvas_set_center (self, self->pan_center_x - offset_x / self->zoom,
                             self->pan_center_y - offset_y / self->zoom);
}

static void
pan_end_cb (GtkGestureDrag *gesture,
            double          offset_x,
            double          offset_y,
            PwOrgCanvas    *self)
{
  set_cursor (self, NULL);
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           PwOrgCanvas              *self)
{
  GdkModifierType modifiers;
  gboolean wheel;

  modifiers = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  wheel = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;

  if ((modifiers & GDK_CONTROL_MASK) != 0)
    {
      double x = self->has_pointer ? self->pointer_x : get_width (self) / 2;
      double y = self->has_pointer ? self->pointer_y : get_height (self) / 2;
      double factor = wheel ? pow (ZOOM_STEP, -dy) : pow (1.01, -dy);

      zoom_around (self, self->zoom * factor, x, y);
      return GDK_EVENT_STOP;
    }

  /* Shift turns the wheel sideways */
  if ((modifiers & GDK_SHIFT_MASK) != 0 && dx == 0)
    {
      dx = dy;
      dy = 0;
    }
  if (wheel)
    {
      dx *= SCROLL_STEP;
      dy *= SCROLL_STEP;
    }
  _pw_org_canvas_set_center (self, self->center_x + dx / self->zoom,
                             self->center_y + dy / self->zoom);

  return GDK_EVENT_STOP;
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           PwOrgCanvas              *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
  self->has_pointer = TRUE;
}

static void
leave_cb (GtkEventControllerMotion *controller,
          PwOrgCanvas              *self)
{
  self->has_pointer = FALSE;
}

static void
pinch_begin_cb (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                PwOrgCanvas      *self)
{
  /* A second finger: the first one no longer drags */
  reset_drag (self);
  self->pinch_zoom = self->zoom;
}

static void
pinch_scale_changed_cb (GtkGestureZoom *gesture,
                        double          scale,
                        PwOrgCanvas    *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = get_width (self) / 2;
      y = get_height (self) / 2;
    }
  zoom_around (self, self->pinch_zoom * scale, x, y);
}

/* GtkWidget */

static void
pw_org_canvas_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  *minimum = 120;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 640 : 480;
}

static void
pw_org_canvas_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  PwOrgCanvas *self = PW_ORG_CANVAS (widget);

  if (self->needs_fit && self->painter != NULL && width > 1 && height > 1)
    {
      self->needs_fit = FALSE;
      pw_org_canvas_zoom_to_fit (self);
    }

  gtk_popover_present (GTK_POPOVER (self->rename_popover));
}

static void
append_rounded_rect (cairo_t *cr,
                     double   x,
                     double   y,
                     double   width,
                     double   height,
                     double   radius)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* The room the legend takes in the bottom left corner, margins included */
static void
measure_legend (PwOrgCanvas *self,
                double      *width,
                double      *height)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  double lw = 0, lh = 0;

  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  pw_map_painter_draw_legend (self->painter, cr, gtk_widget_get_pango_context (GTK_WIDGET (self)),
                              0, 0, &lw, &lh);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  *width = self->show_legend ? lw + 2 * LEGEND_PADDING + LEGEND_MARGIN : 0;
  *height = self->show_legend ? lh + 2 * LEGEND_PADDING + LEGEND_MARGIN : 0;
}

/* The legend in the bottom left corner, on a card of the background's
 * colour so that teams behind it do not show through */
static void
draw_legend (PwOrgCanvas  *self,
             cairo_t      *cr,
             PangoContext *context,
             double        height,
             gboolean      dark)
{
  cairo_pattern_t *legend;
  PwMapColors colors;
  cairo_matrix_t matrix;
  double lw = 0, lh = 0;
  double x, y;

  pw_map_colors_init_default (&colors, dark);

  cairo_push_group (cr);
  pw_map_painter_draw_legend (self->painter, cr, context, 0, 0, &lw, &lh);
  legend = cairo_pop_group (cr);

  x = LEGEND_MARGIN;
  y = height - LEGEND_MARGIN - lh - 2 * LEGEND_PADDING;
  if (y < LEGEND_MARGIN)
    {
      cairo_pattern_destroy (legend);
      return;
    }

  append_rounded_rect (cr, x, y, lw + 2 * LEGEND_PADDING, lh + 2 * LEGEND_PADDING, 8);
  cairo_set_source_rgba (cr, colors.background.red, colors.background.green,
                         colors.background.blue, 0.92);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, colors.line.red, colors.line.green, colors.line.blue, 0.5);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  cairo_matrix_init_translate (&matrix, -(x + LEGEND_PADDING), -(y + LEGEND_PADDING));
  cairo_pattern_set_matrix (legend, &matrix);
  cairo_set_source (cr, legend);
  cairo_paint (cr);
  cairo_pattern_destroy (legend);
}

static void
pw_org_canvas_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  PwOrgCanvas *self = PW_ORG_CANVAS (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  PangoContext *context = gtk_widget_get_pango_context (widget);
  PwMapColors colors;
  GdkRGBA background;
  cairo_rectangle_t visible;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  pw_map_colors_init_default (&colors, dark);
  background = (GdkRGBA) { colors.background.red, colors.background.green,
                           colors.background.blue, colors.background.alpha };
  gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (self->painter == NULL)
    return;

  ensure_states (self);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  _pw_org_canvas_get_visible (self, &visible.x, &visible.y, &visible.width, &visible.height);

  cairo_save (cr);
  cairo_translate (cr, width / 2, height / 2);
  cairo_scale (cr, self->zoom, self->zoom);
  cairo_translate (cr, -self->center_x, -self->center_y);
  pw_map_painter_draw (self->painter, cr, context, &visible,
                       self->zoom * gtk_widget_get_scale_factor (widget));
  cairo_restore (cr);

  if (self->show_legend)
    draw_legend (self, cr, context, height, dark);
  cairo_destroy (cr);
}

static void
pw_org_canvas_dispose (GObject *object)
{
  PwOrgCanvas *self = PW_ORG_CANVAS (object);

  pw_org_canvas_set_workbook (self, NULL);
  g_clear_handle_id (&self->describe_source, g_source_remove);
  g_clear_pointer (&self->rename_popover, gtk_widget_unparent);
  self->rename_entry = NULL;

  G_OBJECT_CLASS (pw_org_canvas_parent_class)->dispose (object);
}

static void
pw_org_canvas_finalize (GObject *object)
{
  PwOrgCanvas *self = PW_ORG_CANVAS (object);

  g_hash_table_unref (self->selected);
  g_ptr_array_unref (self->assessments);
  g_hash_table_unref (self->disabled);
  g_free (self->drag_team_id);
  g_free (self->rename_team_id);
  g_clear_pointer (&self->band_base, g_hash_table_unref);

  G_OBJECT_CLASS (pw_org_canvas_parent_class)->finalize (object);
}

static void
pw_org_canvas_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PwOrgCanvas *self = PW_ORG_CANVAS (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    case PROP_SHOW_LEGEND:
      g_value_set_boolean (value, self->show_legend);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_org_canvas_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PwOrgCanvas *self = PW_ORG_CANVAS (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      pw_org_canvas_set_zoom (self, g_value_get_double (value));
      break;

    case PROP_SHOW_LEGEND:
      pw_org_canvas_set_show_legend (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_binding (GtkWidgetClass *widget_class,
             guint           keyval,
             GdkModifierType modifiers,
             const char     *action)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, modifiers, action, NULL);
}

static void
add_move_binding (GtkWidgetClass *widget_class,
                  guint           keyval,
                  guint           kp_keyval,
                  int             dx,
                  int             dy)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, 0, "canvas.move", "(ii)",
                                       dx * MOVE_STEP, dy * MOVE_STEP);
  gtk_widget_class_add_binding_action (widget_class, kp_keyval, 0, "canvas.move", "(ii)",
                                       dx * MOVE_STEP, dy * MOVE_STEP);
  gtk_widget_class_add_binding_action (widget_class, keyval, GDK_SHIFT_MASK, "canvas.move",
                                       "(ii)", dx * MOVE_STEP_LARGE, dy * MOVE_STEP_LARGE);
  gtk_widget_class_add_binding_action (widget_class, kp_keyval, GDK_SHIFT_MASK, "canvas.move",
                                       "(ii)", dx * MOVE_STEP_LARGE, dy * MOVE_STEP_LARGE);
}

static void
pw_org_canvas_class_init (PwOrgCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_org_canvas_dispose;
  object_class->finalize = pw_org_canvas_finalize;
  object_class->get_property = pw_org_canvas_get_property;
  object_class->set_property = pw_org_canvas_set_property;

  widget_class->measure = pw_org_canvas_measure;
  widget_class->size_allocate = pw_org_canvas_size_allocate;
  widget_class->snapshot = pw_org_canvas_snapshot;

  /**
   * PwOrgCanvas:zoom:
   *
   * Screen pixels per map unit, from %PW_ORG_CANVAS_MIN_ZOOM to
   * %PW_ORG_CANVAS_MAX_ZOOM.
   */
  properties [PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         PW_ORG_CANVAS_MIN_ZOOM, PW_ORG_CANVAS_MAX_ZOOM, 1.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * PwOrgCanvas:show-legend:
   *
   * Whether the legend is drawn in the bottom left corner.  The action
   * canvas.show-legend toggles it.
   */
  properties [PROP_SHOW_LEGEND] =
    g_param_spec_boolean ("show-legend", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PwOrgCanvas::selection-changed:
   *
   * Emitted after the selected teams changed, also when selected teams
   * left the map.
   */
  signals [SELECTION_CHANGED] =
    g_signal_new ("selection-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  for (guint i = 0; i < G_N_ELEMENTS (canvas_actions); i++)
    gtk_widget_class_install_action (widget_class, canvas_actions[i].name,
                                     canvas_actions[i].parameter_type, activate_action_cb);
  gtk_widget_class_install_property_action (widget_class, "canvas.show-legend", "show-legend");

  add_binding (widget_class, GDK_KEY_Delete, 0, "canvas.delete");
  add_binding (widget_class, GDK_KEY_KP_Delete, 0, "canvas.delete");
  add_binding (widget_class, GDK_KEY_F2, 0, "canvas.rename");
  add_binding (widget_class, GDK_KEY_a, GDK_CONTROL_MASK, "canvas.select-all");
  add_binding (widget_class, GDK_KEY_Escape, 0, "canvas.select-none");
  add_binding (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "canvas.zoom-in");
  add_binding (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "canvas.zoom-in");
  add_binding (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "canvas.zoom-in");
  add_binding (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "canvas.zoom-out");
  add_binding (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "canvas.zoom-out");
  add_binding (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "canvas.zoom-reset");
  add_binding (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "canvas.zoom-reset");
  add_binding (widget_class, GDK_KEY_9, GDK_CONTROL_MASK, "canvas.zoom-fit");
  add_binding (widget_class, GDK_KEY_KP_9, GDK_CONTROL_MASK, "canvas.zoom-fit");
  add_move_binding (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, -1, 0);
  add_move_binding (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, 1, 0);
  add_move_binding (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, 0, -1);
  add_move_binding (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, 0, 1);

  gtk_widget_class_set_css_name (widget_class, "pworgcanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
pw_org_canvas_init (PwOrgCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *drag;
  GtkGesture *click;
  GtkGesture *pan;
  GtkGesture *pinch;
  GtkEventController *scroll;
  GtkEventController *motion;

  self->zoom = 1.0;
  self->show_legend = TRUE;
  self->selected = new_id_set ();
  self->assessments = g_ptr_array_new_with_free_func (g_object_unref);
  self->disabled = g_hash_table_new (g_str_hash, g_str_equal);

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  g_signal_connect (drag, "cancel", G_CALLBACK (drag_cancel_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));

  /* Double clicks, in the drag's group so that its claim does not deny them */
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (click_pressed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));
  gtk_gesture_group (click, drag);

  pan = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (pan), GDK_BUTTON_MIDDLE);
  g_signal_connect (pan, "drag-begin", G_CALLBACK (pan_begin_cb), self);
  g_signal_connect (pan, "drag-update", G_CALLBACK (pan_update_cb), self);
  g_signal_connect (pan, "drag-end", G_CALLBACK (pan_end_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (pan));

  pinch = gtk_gesture_zoom_new ();
  g_signal_connect (pinch, "begin", G_CALLBACK (pinch_begin_cb), self);
  g_signal_connect (pinch, "scale-changed", G_CALLBACK (pinch_scale_changed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (pinch));
  gtk_gesture_group (pinch, drag);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (widget, scroll);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "enter", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (widget, motion);

  self->rename_entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (self->rename_entry), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rename_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Team name"),
                                  -1);
  g_signal_connect_swapped (self->rename_entry, "activate", G_CALLBACK (rename_activate_cb),
                            self);
  self->rename_popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->rename_popover), self->rename_entry);
  gtk_popover_set_position (GTK_POPOVER (self->rename_popover), GTK_POS_BOTTOM);
  gtk_widget_set_parent (self->rename_popover, widget);
  g_signal_connect_swapped (self->rename_popover, "closed", G_CALLBACK (rename_closed_cb), self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Organization map"),
                                  -1);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);

  update_actions (self);
  update_description (self);
}

/**
 * pw_org_canvas_new:
 *
 * Returns: (transfer floating): a new canvas, showing no workbook
 */
GtkWidget *
pw_org_canvas_new (void)
{
  return g_object_new (PW_TYPE_ORG_CANVAS, NULL);
}

/**
 * pw_org_canvas_set_workbook:
 * @workbook: (nullable): the workbook whose organization map to show
 *
 * Shows the map of @workbook, fitted to the view once the canvas has a
 * size, with nothing selected; %NULL shows nothing.
 */
void
pw_org_canvas_set_workbook (PwOrgCanvas *self,
                            PwWorkbook  *workbook)
{
  gboolean had_selection;

  g_return_if_fail (PW_IS_ORG_CANVAS (self));
  g_return_if_fail (workbook == NULL || PW_IS_WORKBOOK (workbook));

  if (self->workbook == workbook)
    return;

  if (self->rename_popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->rename_popover));
  reset_drag (self);

  if (self->workbook != NULL)
    {
      disconnect_assessments (self);
      g_signal_handlers_disconnect_by_data (pw_workbook_get_assessments (self->workbook), self);
      g_signal_handlers_disconnect_by_data (pw_workbook_get_policy (self->workbook), self);
      g_signal_handlers_disconnect_by_data (self->map, self);
      g_signal_handlers_disconnect_by_data (pw_org_map_get_teams (self->map), self);
      g_signal_handlers_disconnect_by_data (pw_org_map_get_links (self->map), self);
    }

  g_clear_object (&self->painter);
  g_clear_object (&self->map);
  g_set_object (&self->workbook, workbook);

  had_selection = g_hash_table_size (self->selected) > 0;
  g_hash_table_remove_all (self->selected);

  if (workbook != NULL)
    {
      self->map = g_object_ref (pw_workbook_get_org_map (workbook));
      self->painter = pw_map_painter_new (self->map);
      pw_map_painter_set_selected (self->painter, self->selected);
      update_colors (self);

      g_signal_connect_object (self->map, "changed", G_CALLBACK (map_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (pw_org_map_get_teams (self->map), "items-changed",
                               G_CALLBACK (teams_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (pw_org_map_get_links (self->map), "items-changed",
                               G_CALLBACK (links_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (pw_workbook_get_assessments (workbook), "items-changed",
                               G_CALLBACK (assessments_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (pw_workbook_get_policy (workbook), "changed",
                               G_CALLBACK (states_changed_cb), self, G_CONNECT_SWAPPED);
      assessments_changed_cb (self);

      self->needs_fit = TRUE;
      if (gtk_widget_get_width (GTK_WIDGET (self)) > 1)
        gtk_widget_queue_allocate (GTK_WIDGET (self));
    }

  update_actions (self);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (had_selection)
    g_signal_emit (self, signals [SELECTION_CHANGED], 0);
}

/**
 * pw_org_canvas_get_workbook:
 *
 * Returns: (transfer none) (nullable): the workbook shown
 */
PwWorkbook *
pw_org_canvas_get_workbook (PwOrgCanvas *self)
{
  g_return_val_if_fail (PW_IS_ORG_CANVAS (self), NULL);
  return self->workbook;
}

/**
 * pw_org_canvas_get_selected:
 *
 * Returns: (transfer container) (element-type PwTeam): the selected teams
 *   in the map's order, each with a reference
 */
GPtrArray *
pw_org_canvas_get_selected (PwOrgCanvas *self)
{
  GPtrArray *teams;
  GListModel *model;
  guint n_items;

  g_return_val_if_fail (PW_IS_ORG_CANVAS (self), NULL);

  teams = g_ptr_array_new_with_free_func (g_object_unref);
  if (self->map == NULL || g_hash_table_size (self->selected) == 0)
    return teams;

  model = pw_org_map_get_teams (self->map);
  n_items = g_list_model_get_n_items (model);
  for (guint i = 0; i < n_items && teams->len < g_hash_table_size (self->selected); i++)
    {
      PwTeam *team = g_list_model_get_item (model, i);

      if (is_selected (self, team))
        g_ptr_array_add (teams, team);
      else
        g_object_unref (team);
    }

  return teams;
}

/**
 * pw_org_canvas_select_teams:
 * @teams: (array length=n_teams) (nullable): teams of the map
 * @n_teams: how many
 *
 * Selects @teams and nothing else (nothing for none), and brings the first
 * into view when it is not.
 */
void
pw_org_canvas_select_teams (PwOrgCanvas    *self,
                            PwTeam * const *teams,
                            guint           n_teams)
{
  g_autoptr(GHashTable) ids = new_id_set ();
  PwTeam *first = NULL;

  g_return_if_fail (PW_IS_ORG_CANVAS (self));
  g_return_if_fail (teams != NULL || n_teams == 0);

  for (guint i = 0; i < n_teams; i++)
    {
      g_return_if_fail (PW_IS_TEAM (teams[i]));
      if (self->map == NULL || pw_org_map_find_team (self->map, pw_team_get_id (teams[i]))
                               != teams[i])
        continue;
      if (first == NULL)
        first = teams[i];
      g_hash_table_add (ids, g_strdup (pw_team_get_id (teams[i])));
    }

  select_ids (self, ids);
  if (first != NULL)
    scroll_to_team (self, first);
}

/**
 * pw_org_canvas_get_zoom:
 *
 * Returns: screen pixels per map unit
 */
double
pw_org_canvas_get_zoom (PwOrgCanvas *self)
{
  g_return_val_if_fail (PW_IS_ORG_CANVAS (self), 1.0);
  return self->zoom;
}

/**
 * pw_org_canvas_set_zoom:
 * @zoom: screen pixels per map unit, clamped to %PW_ORG_CANVAS_MIN_ZOOM
 *   and %PW_ORG_CANVAS_MAX_ZOOM
 *
 * Zooms around the middle of the view.
 */
void
pw_org_canvas_set_zoom (PwOrgCanvas *self,
                        double       zoom)
{
  g_return_if_fail (PW_IS_ORG_CANVAS (self));

  zoom_around (self, zoom, get_width (self) / 2, get_height (self) / 2);
}

/**
 * pw_org_canvas_zoom_to_fit:
 *
 * Shows the whole map, at 1:1 at most.
 */
void
pw_org_canvas_zoom_to_fit (PwOrgCanvas *self)
{
  cairo_rectangle_t bounds;
  cairo_rectangle_t areas[3];
  double zooms[G_N_ELEMENTS (areas)];
  double legend_width, legend_height;
  double best_zoom;
  guint best = 0;

  g_return_if_fail (PW_IS_ORG_CANVAS (self));

  if (self->painter == NULL || !pw_map_painter_get_bounds (self->painter, &bounds))
    return;

  /* The whole view, the part right of the legend, the part above it: the
   * one that shows the map largest */
  measure_legend (self, &legend_width, &legend_height);
  areas[0] = (cairo_rectangle_t) { 0, 0, get_width (self), get_height (self) };
  areas[1] = areas[0];
  areas[1].x = legend_width;
  areas[1].width -= legend_width;
  areas[2] = areas[0];
  areas[2].height -= legend_height;

  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    {
      double width = areas[i].width - 2 * FIT_MARGIN;
      double height = areas[i].height - 2 * FIT_MARGIN;

      double zoom = 0;

      if (width >= 1 && height >= 1)
        zoom = MIN (width / MAX (bounds.width, 1), height / MAX (bounds.height, 1));
      /* Beside the legend only where the map fits whole */
      if (i > 0 && zoom < PW_ORG_CANVAS_MIN_ZOOM)
        zoom = 0;
      else
        zoom = CLAMP (zoom, PW_ORG_CANVAS_MIN_ZOOM, MIN (1.0, PW_ORG_CANVAS_MAX_ZOOM));
      zooms[i] = zoom;
    }
  best_zoom = zooms[0];

  /* Beside the legend rather than under it, unless the map would come out
   * much smaller */
  if (bounds.width * zooms[0] / 2 > get_width (self) / 2 - legend_width
      && bounds.height * zooms[0] / 2 > get_height (self) / 2 - legend_height)
    {
      guint beside = zooms[1] >= zooms[2] ? 1 : 2;

      if (zooms[beside] > 0 && zooms[beside] >= zooms[0] / 2)
        {
          best = beside;
          best_zoom = zooms[beside];
        }
    }
  if (best_zoom == 0)
    best_zoom = PW_ORG_CANVAS_MIN_ZOOM;

  if (best_zoom != self->zoom)
    {
      self->zoom = best_zoom;
      update_actions (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ZOOM]);
    }

  /* The middle of the map in the middle of that area */
  _pw_org_canvas_set_center (self,
                             bounds.x + bounds.width / 2
                             - (areas[best].x + areas[best].width / 2 - get_width (self) / 2)
                               / best_zoom,
                             bounds.y + bounds.height / 2
                             - (areas[best].y + areas[best].height / 2 - get_height (self) / 2)
                               / best_zoom);
}

/**
 * pw_org_canvas_get_center:
 * @x: (out) (optional): the map point in the middle of the view
 * @y: (out) (optional): likewise
 */
void
pw_org_canvas_get_center (PwOrgCanvas *self,
                          double      *x,
                          double      *y)
{
  g_return_if_fail (PW_IS_ORG_CANVAS (self));

  if (x != NULL)
    *x = self->center_x;
  if (y != NULL)
    *y = self->center_y;
}

/**
 * pw_org_canvas_get_show_legend:
 *
 * Returns: whether the legend is drawn
 */
gboolean
pw_org_canvas_get_show_legend (PwOrgCanvas *self)
{
  g_return_val_if_fail (PW_IS_ORG_CANVAS (self), FALSE);
  return self->show_legend;
}

/**
 * pw_org_canvas_set_show_legend:
 * @show_legend: whether to draw the legend
 */
void
pw_org_canvas_set_show_legend (PwOrgCanvas *self,
                               gboolean     show_legend)
{
  g_return_if_fail (PW_IS_ORG_CANVAS (self));

  show_legend = !!show_legend;
  if (self->show_legend == show_legend)
    return;

  self->show_legend = show_legend;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHOW_LEGEND]);
}

/**
 * pw_org_canvas_refresh_states:
 *
 * Reads the phases and staleness of the teams again, as when the day
 * changed.
 */
void
pw_org_canvas_refresh_states (PwOrgCanvas *self)
{
  g_return_if_fail (PW_IS_ORG_CANVAS (self));

  states_changed_cb (self);
}
