/* pw-map-painter.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-map-painter"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "pw-assessment.h"
#include "pw-framework.h"
#include "pw-map-painter.h"
#include "pw-scoring.h"
#include "pw-workbook.h"

/**
 * PwMapPainter:
 *
 * Draws the organization map with cairo and pango, the same on screen and
 * in exported pictures: links as lines between the teams' edges, hubs as
 * circles and spokes as rounded rectangles filled with the colour of their
 * phase (unassessed ones with a dashed outline and no fill), each with its
 * name, its function, a badge with the phase number ("–" when unassessed)
 * and a clock mark when its latest assessment is stale, so that colour is
 * never the only cue.
 *
 * The cairo context is in map units; the scale (device pixels per map
 * unit) decides the level of detail: text that would come out smaller than
 * a few pixels is left out, and only what lies in the visible rectangle is
 * drawn.  The text of each team is laid out once and kept until the team's
 * name, function or kind, or the pango context, changes.
 *
 * The painter also answers which team lies at a point or in a rectangle,
 * with the shapes as drawn: a hub is hit inside its circle only.
 */

/* Sizes in map units */
#define CORNER_RADIUS       14.0
#define NAME_SIZE           15.0
#define FUNCTION_SIZE       12.0
#define BADGE_SIZE          12.0
#define LEGEND_SWATCH       18.0
#define LEGEND_GAP           8.0
#define BADGE_RADIUS        11.0
#define CLOCK_RADIUS         8.0
#define HUB_TEXT_WIDTH     116
#define SPOKE_TEXT_INSET    38
#define SPOKE_TEXT_END      10
#define SELECTION_GAP        4.0
#define LINK_WIDTH           2.0
/* Everything drawn for a team lies this far around its shape at most,
 * plus two device pixels (get_margin()) */
#define TEAM_MARGIN         10.0

/* Text smaller than this many device pixels is not drawn */
#define MIN_TEXT_PIXELS      5.0
/* Teams are drawn from sprites while a sprite is no wider than this */
#define MAX_SPRITE_PIXELS  600

#define STATE_KNOWN  (1u << 8)
#define STATE_STALE  (1u << 9)
#define STATE_PHASE  0xffu

typedef struct
{
  char         *name;
  char         *function;
  PwTeamKind    kind;
  PangoLayout  *name_layout;      /* NULL without a name */
  PangoLayout  *function_layout;  /* NULL without a function */
  int           name_height;
  int           function_height;
} TeamText;

typedef struct
{
  PwTeam   *team;
  TeamText *text;  /* NULL until drawn with text */
} Entry;

/* A team's picture without its text, which only its kind, phase and
 * staleness decide, drawn once for a scale and copied into each frame. */
typedef struct
{
  cairo_surface_t *surface;
  int              width;   /* pixels */
  int              height;
} Sprite;

typedef struct
{
  guint from;  /* indices into entries */
  guint to;
} LinkEntry;

struct _PwMapPainter
{
  GObject            parent_instance;

  PwOrgMap          *map;
  PwFramework       *framework;     /* of the last update_states, for the legend's names */

  /* What is on the map, rebuilt after the map changed */
  gboolean           dirty;
  GArray            *entries;       /* Entry, in team order */
  GArray            *links;         /* LinkEntry */
  GHashTable        *index_by_id;   /* team id → index + 1 */

  /* Text layouts of the last draw belong to this context */
  PangoContext      *context;
  guint              context_serial;
  PangoLayout       *badge_layouts[PW_N_PHASES + 1];  /* [0]: "–" */

  /* [kind][phase][stale][selected], for sprite_scale device pixels a map unit */
  Sprite             sprites[2][PW_N_PHASES + 1][2][2];
  double             sprite_scale;

  PwMapColors        colors;
  gboolean           vector_only;   /* never pictures of teams (a print-out) */
  GHashTable        *states;        /* team id → STATE_* | phase */
  GHashTable        *selected;      /* borrowed set of ids, nullable */
  double             drag_dx;
  double             drag_dy;
  gboolean           has_rubber_band;
  cairo_rectangle_t  rubber_band;
  char              *connect_from;
  double             connect_x;
  double             connect_y;
};

G_DEFINE_FINAL_TYPE (PwMapPainter, pw_map_painter, G_TYPE_OBJECT)

static const struct
{
  guint32 fill;
  guint32 text;
} phase_colors[PW_N_PHASES] = {
  { 0xd7191c, 0xffffff },
  { 0xfdae61, 0x1a1a1a },
  { 0xffffbf, 0x1a1a1a },
  { 0xabd9e9, 0x1a1a1a },
  { 0x2c7bb6, 0xffffff },
};

static void
set_rgb (PwMapColor *color,
         guint32     rgb,
         double      alpha)
{
  color->red = ((rgb >> 16) & 0xff) / 255.0;
  color->green = ((rgb >> 8) & 0xff) / 255.0;
  color->blue = (rgb & 0xff) / 255.0;
  color->alpha = alpha;
}

/**
 * pw_map_colors_init_default:
 * @colors: (out): the colours to fill in
 * @dark: whether for the dark style
 *
 * The map's colours when nothing else gives them, as in exported pictures:
 * a white background in the light style, a dark grey one in the dark style.
 */
void
pw_map_colors_init_default (PwMapColors *colors,
                            gboolean     dark)
{
  g_return_if_fail (colors != NULL);

  if (dark)
    {
      set_rgb (&colors->foreground, 0xffffff, 1.0);
      set_rgb (&colors->background, 0x1e1e1e, 1.0);
      set_rgb (&colors->line, 0x9a9996, 1.0);
      set_rgb (&colors->selection, 0x78aeed, 1.0);
      set_rgb (&colors->hub_outline, 0xf6f5f4, 1.0);
      set_rgb (&colors->spoke_outline, 0xc0bfbc, 1.0);
    }
  else
    {
      set_rgb (&colors->foreground, 0x1a1a1a, 1.0);
      set_rgb (&colors->background, 0xfcfcfc, 1.0);
      set_rgb (&colors->line, 0x77767b, 1.0);
      set_rgb (&colors->selection, 0x1c71d8, 1.0);
      set_rgb (&colors->hub_outline, 0x241f31, 1.0);
      set_rgb (&colors->spoke_outline, 0x5e5c64, 1.0);
    }
}

/**
 * pw_map_phase_color:
 * @phase: 1 to 5
 * @fill: (out) (optional): the fill of a team in @phase
 * @text: (out) (optional): the colour of text on that fill
 *
 * The phase colours (ColorBrewer RdYlBu, safe for colour-blind users), the
 * same in the light and the dark style.
 */
void
pw_map_phase_color (int         phase,
                    PwMapColor *fill,
                    PwMapColor *text)
{
  g_return_if_fail (phase >= 1 && phase <= PW_N_PHASES);

  if (fill != NULL)
    set_rgb (fill, phase_colors[phase - 1].fill, 1.0);
  if (text != NULL)
    set_rgb (text, phase_colors[phase - 1].text, 1.0);
}

static void
set_source (cairo_t          *cr,
            const PwMapColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static void
team_text_free (TeamText *text)
{
  g_free (text->name);
  g_free (text->function);
  g_clear_object (&text->name_layout);
  g_clear_object (&text->function_layout);
  g_free (text);
}

static void
clear_entries (PwMapPainter *self)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);

      g_clear_pointer (&entry->text, team_text_free);
      g_clear_object (&entry->team);
    }
  g_array_set_size (self->entries, 0);
  g_array_set_size (self->links, 0);
  g_hash_table_remove_all (self->index_by_id);
}

/* Reads the teams and links of the map again; the text of teams that stay
 * is kept. */
static void
ensure_entries (PwMapPainter *self)
{
  g_autoptr(GHashTable) old_texts = NULL;
  GListModel *teams;
  GListModel *links;
  guint n_teams;
  guint n_links;

  if (!self->dirty)
    return;
  self->dirty = FALSE;

  old_texts = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) team_text_free);
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);

      if (entry->text != NULL)
        g_hash_table_insert (old_texts, entry->team, g_steal_pointer (&entry->text));
    }
  /* The teams are still referenced by the old entries while their texts
   * move over, so a pointer cannot be reused in between. */
  teams = pw_org_map_get_teams (self->map);
  n_teams = g_list_model_get_n_items (teams);
  {
    g_autoptr(GArray) old_entries = g_steal_pointer (&self->entries);

    self->entries = g_array_sized_new (FALSE, TRUE, sizeof (Entry), n_teams);
    g_hash_table_remove_all (self->index_by_id);
    for (guint i = 0; i < n_teams; i++)
      {
        Entry entry = { 0 };

        entry.team = g_list_model_get_item (teams, i);
        g_hash_table_steal_extended (old_texts, entry.team, NULL, (gpointer *) &entry.text);
        g_array_append_val (self->entries, entry);
        g_hash_table_insert (self->index_by_id, (gpointer) pw_team_get_id (entry.team),
                             GUINT_TO_POINTER (i + 1));
      }
    for (guint i = 0; i < old_entries->len; i++)
      g_clear_object (&g_array_index (old_entries, Entry, i).team);
  }

  g_array_set_size (self->links, 0);
  links = pw_org_map_get_links (self->map);
  n_links = g_list_model_get_n_items (links);
  for (guint i = 0; i < n_links; i++)
    {
      g_autoptr(PwLink) link = g_list_model_get_item (links, i);
      guint from = GPOINTER_TO_UINT (g_hash_table_lookup (self->index_by_id,
                                                          pw_link_get_from (link)));
      guint to = GPOINTER_TO_UINT (g_hash_table_lookup (self->index_by_id,
                                                        pw_link_get_to (link)));

      if (from != 0 && to != 0 && from != to)
        g_array_append_val (self->links, ((LinkEntry) { from - 1, to - 1 }));
    }
}

static void
map_changed_cb (PwMapPainter *self)
{
  self->dirty = TRUE;
}

static void
clear_context (PwMapPainter *self)
{
  for (guint i = 0; i < self->entries->len; i++)
    g_clear_pointer (&g_array_index (self->entries, Entry, i).text, team_text_free);
  for (guint i = 0; i < G_N_ELEMENTS (self->badge_layouts); i++)
    g_clear_object (&self->badge_layouts[i]);
  g_clear_object (&self->context);
}

static void
clear_sprites (PwMapPainter *self)
{
  Sprite *sprites = &self->sprites[0][0][0][0];

  for (guint i = 0; i < sizeof self->sprites / sizeof (Sprite); i++)
    g_clear_pointer (&sprites[i].surface, cairo_surface_destroy);
  self->sprite_scale = 0;
}

static void
pw_map_painter_dispose (GObject *object)
{
  PwMapPainter *self = PW_MAP_PAINTER (object);

  clear_sprites (self);
  clear_context (self);
  clear_entries (self);
  g_clear_object (&self->map);
  g_clear_object (&self->framework);
  g_clear_pointer (&self->selected, g_hash_table_unref);

  G_OBJECT_CLASS (pw_map_painter_parent_class)->dispose (object);
}

static void
pw_map_painter_finalize (GObject *object)
{
  PwMapPainter *self = PW_MAP_PAINTER (object);

  g_array_unref (self->entries);
  g_array_unref (self->links);
  g_hash_table_unref (self->index_by_id);
  g_hash_table_unref (self->states);
  g_free (self->connect_from);

  G_OBJECT_CLASS (pw_map_painter_parent_class)->finalize (object);
}

static void
pw_map_painter_class_init (PwMapPainterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pw_map_painter_dispose;
  object_class->finalize = pw_map_painter_finalize;
}

static void
pw_map_painter_init (PwMapPainter *self)
{
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  self->links = g_array_new (FALSE, FALSE, sizeof (LinkEntry));
  self->index_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->dirty = TRUE;
  pw_map_colors_init_default (&self->colors, FALSE);
}

/**
 * pw_map_painter_new:
 * @map: the map to draw
 *
 * The painter follows the map's changes: what it draws and picks is always
 * the map as it is.
 *
 * Returns: (transfer full): a new painter, with the light default colours
 *   and every team unassessed
 */
PwMapPainter *
pw_map_painter_new (PwOrgMap *map)
{
  PwMapPainter *self;

  g_return_val_if_fail (PW_IS_ORG_MAP (map), NULL);

  self = g_object_new (PW_TYPE_MAP_PAINTER, NULL);
  self->map = g_object_ref (map);
  g_signal_connect_object (map, "changed", G_CALLBACK (map_changed_cb), self,
                           G_CONNECT_SWAPPED);

  return self;
}

/**
 * pw_map_painter_get_map:
 *
 * Returns: (transfer none): the map the painter draws
 */
PwOrgMap *
pw_map_painter_get_map (PwMapPainter *self)
{
  g_return_val_if_fail (PW_IS_MAP_PAINTER (self), NULL);
  return self->map;
}

/**
 * pw_map_painter_set_vector_only:
 * @vector_only: whether to draw every team as shapes and text
 *
 * The painter draws the teams of a large map on pixel surfaces from
 * pictures of them made once; drawing into a recording surface, it cannot
 * tell whether the recording is shown on screen (as GTK does) or printed.
 * A print-out sets this, so that its map stays vector drawing at any
 * scale.
 */
void
pw_map_painter_set_vector_only (PwMapPainter *self,
                                gboolean      vector_only)
{
  g_return_if_fail (PW_IS_MAP_PAINTER (self));

  self->vector_only = !!vector_only;
}

/**
 * pw_map_painter_set_colors:
 * @colors: the colours to draw with, copied
 */
void
pw_map_painter_set_colors (PwMapPainter      *self,
                           const PwMapColors *colors)
{
  g_return_if_fail (PW_IS_MAP_PAINTER (self));
  g_return_if_fail (colors != NULL);

  self->colors = *colors;
  clear_sprites (self);
}

/**
 * pw_map_painter_set_team_state:
 * @team_id: the team's id
 * @phase: its phase, 1 to 5, or 0 when unassessed
 * @stale: whether its latest assessment is older than 12 months
 */
void
pw_map_painter_set_team_state (PwMapPainter *self,
                               const char   *team_id,
                               int           phase,
                               gboolean      stale)
{
  guint state;

  g_return_if_fail (PW_IS_MAP_PAINTER (self));
  g_return_if_fail (team_id != NULL);
  g_return_if_fail (phase >= 0 && phase <= PW_N_PHASES);

  state = STATE_KNOWN | (guint) phase | (stale ? STATE_STALE : 0);
  g_hash_table_insert (self->states, g_strdup (team_id), GUINT_TO_POINTER (state));
}

/**
 * pw_map_painter_get_team_state:
 * @team_id: the team's id
 * @phase: (out) (optional): its phase, 0 when unassessed
 * @stale: (out) (optional): whether it is marked stale
 *
 * Returns: %TRUE when a state was set for the team; without one it is drawn
 *   unassessed and not stale
 */
gboolean
pw_map_painter_get_team_state (PwMapPainter *self,
                               const char   *team_id,
                               int          *phase,
                               gboolean     *stale)
{
  guint state;

  g_return_val_if_fail (PW_IS_MAP_PAINTER (self), FALSE);
  g_return_val_if_fail (team_id != NULL, FALSE);

  state = GPOINTER_TO_UINT (g_hash_table_lookup (self->states, team_id));
  if (phase != NULL)
    *phase = (int) (state & STATE_PHASE);
  if (stale != NULL)
    *stale = (state & STATE_STALE) != 0;

  return (state & STATE_KNOWN) != 0;
}

/**
 * pw_map_painter_clear_team_states:
 *
 * Every team is drawn unassessed again.
 */
void
pw_map_painter_clear_team_states (PwMapPainter *self)
{
  g_return_if_fail (PW_IS_MAP_PAINTER (self));

  g_hash_table_remove_all (self->states);
}

/**
 * pw_map_painter_update_states:
 * @workbook: the workbook whose assessments decide the phases
 * @today: the day that decides which assessments are stale
 *
 * Sets every team's state from its latest assessment: the phase of its
 * score, or unassessed without an assessment or a score; stale when that
 * assessment is older than 12 months.  Nothing is kept from earlier calls:
 * call it again whenever the workbook's assessments change.
 */
void
pw_map_painter_update_states (PwMapPainter *self,
                              PwWorkbook   *workbook,
                              const GDate  *today)
{
  PwFramework *framework;
  PwPolicy *policy;

  g_return_if_fail (PW_IS_MAP_PAINTER (self));
  g_return_if_fail (PW_IS_WORKBOOK (workbook));
  g_return_if_fail (today != NULL && g_date_valid (today));

  framework = pw_workbook_get_framework (workbook);
  policy = pw_workbook_get_policy (workbook);
  g_set_object (&self->framework, framework);

  ensure_entries (self);
  pw_map_painter_clear_team_states (self);
  for (guint i = 0; i < self->entries->len; i++)
    {
      const char *id = pw_team_get_id (g_array_index (self->entries, Entry, i).team);
      PwAssessment *latest = pw_workbook_find_latest_assessment (workbook, id);
      g_autoptr(PwScore) score = NULL;

      if (latest == NULL)
        {
          pw_map_painter_set_team_state (self, id, 0, FALSE);
          continue;
        }

      score = pw_score_compute (framework, latest, policy);
      pw_map_painter_set_team_state (self, id, score->has_score ? score->phase : 0,
                                     pw_assessment_is_stale (latest, today));
    }
}

/**
 * pw_map_painter_set_selected:
 * @team_ids: (nullable): the set of the selected teams' ids (keys); the
 *   painter keeps a reference and reads it at each draw
 */
void
pw_map_painter_set_selected (PwMapPainter *self,
                             GHashTable   *team_ids)
{
  g_return_if_fail (PW_IS_MAP_PAINTER (self));

  if (team_ids != NULL)
    g_hash_table_ref (team_ids);
  g_clear_pointer (&self->selected, g_hash_table_unref);
  self->selected = team_ids;
}

/**
 * pw_map_painter_set_drag_offset:
 * @dx: how far the selected teams are drawn moved, in map units
 * @dy: likewise, down
 *
 * While dragging: the selected teams and their links are drawn moved,
 * without the map changing.  0, 0 when the drag ends.
 */
void
pw_map_painter_set_drag_offset (PwMapPainter *self,
                                double        dx,
                                double        dy)
{
  g_return_if_fail (PW_IS_MAP_PAINTER (self));

  self->drag_dx = dx;
  self->drag_dy = dy;
}

/**
 * pw_map_painter_set_rubber_band:
 * @rect: (nullable): the rectangle being dragged out, in map units, or
 *   %NULL for none
 */
void
pw_map_painter_set_rubber_band (PwMapPainter            *self,
                                const cairo_rectangle_t *rect)
{
  g_return_if_fail (PW_IS_MAP_PAINTER (self));

  self->has_rubber_band = rect != NULL;
  if (rect != NULL)
    self->rubber_band = *rect;
}

/**
 * pw_map_painter_set_connect_preview:
 * @from_id: (nullable): the team a link is being drawn from, or %NULL for
 *   no preview
 * @x: where the pointer is, in map units
 * @y: likewise
 *
 * A dashed line from the team's edge to the point, while connecting.
 */
void
pw_map_painter_set_connect_preview (PwMapPainter *self,
                                    const char   *from_id,
                                    double        x,
                                    double        y)
{
  g_return_if_fail (PW_IS_MAP_PAINTER (self));

  g_free (self->connect_from);
  self->connect_from = g_strdup (from_id);
  self->connect_x = x;
  self->connect_y = y;
}

static void
get_kind_half_size (PwTeamKind  kind,
                    double     *half_width,
                    double     *half_height)
{
  gboolean hub = kind == PW_TEAM_HUB;

  *half_width = (hub ? PW_TEAM_HUB_DIAMETER : PW_TEAM_SPOKE_WIDTH) / 2.0;
  *half_height = (hub ? PW_TEAM_HUB_DIAMETER : PW_TEAM_SPOKE_HEIGHT) / 2.0;
}

static void
get_half_size (PwTeam *team,
               double *half_width,
               double *half_height)
{
  int width;
  int height;

  pw_team_get_size (team, &width, &height);
  *half_width = width / 2.0;
  *half_height = height / 2.0;
}

/**
 * pw_map_painter_get_team_rect:
 * @team: a team of the map
 * @rect: (out): the box around its shape, in map units
 */
void
pw_map_painter_get_team_rect (PwMapPainter      *self,
                              PwTeam            *team,
                              cairo_rectangle_t *rect)
{
  double hw;
  double hh;

  g_return_if_fail (PW_IS_MAP_PAINTER (self));
  g_return_if_fail (PW_IS_TEAM (team));
  g_return_if_fail (rect != NULL);

  get_half_size (team, &hw, &hh);
  rect->x = pw_team_get_x (team) - hw;
  rect->y = pw_team_get_y (team) - hh;
  rect->width = 2 * hw;
  rect->height = 2 * hh;
}

/**
 * pw_map_painter_get_bounds:
 * @rect: (out): the box around every team's shape, in map units
 *
 * Returns: %FALSE when the map has no teams (@rect is then empty)
 */
gboolean
pw_map_painter_get_bounds (PwMapPainter      *self,
                           cairo_rectangle_t *rect)
{
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  g_return_val_if_fail (PW_IS_MAP_PAINTER (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  ensure_entries (self);
  *rect = (cairo_rectangle_t) { 0, 0, 0, 0 };
  if (self->entries->len == 0)
    return FALSE;

  for (guint i = 0; i < self->entries->len; i++)
    {
      cairo_rectangle_t team_rect;

      pw_map_painter_get_team_rect (self, g_array_index (self->entries, Entry, i).team,
                                    &team_rect);
      x0 = MIN (x0, team_rect.x);
      y0 = MIN (y0, team_rect.y);
      x1 = MAX (x1, team_rect.x + team_rect.width);
      y1 = MAX (y1, team_rect.y + team_rect.height);
    }
  *rect = (cairo_rectangle_t) { x0, y0, x1 - x0, y1 - y0 };

  return TRUE;
}

/* Whether the point lies in the team's shape, centred at cx, cy. */
static gboolean
shape_contains (PwTeam *team,
                double  cx,
                double  cy,
                double  x,
                double  y)
{
  double hw;
  double hh;
  double dx;
  double dy;

  get_half_size (team, &hw, &hh);
  dx = fabs (x - cx);
  dy = fabs (y - cy);

  if (pw_team_get_kind (team) == PW_TEAM_HUB)
    return dx * dx + dy * dy <= hw * hw;

  if (dx > hw || dy > hh)
    return FALSE;
  /* In a rounded corner's square: inside its quarter circle only */
  if (dx > hw - CORNER_RADIUS && dy > hh - CORNER_RADIUS)
    {
      double ex = dx - (hw - CORNER_RADIUS);
      double ey = dy - (hh - CORNER_RADIUS);

      return ex * ex + ey * ey <= CORNER_RADIUS * CORNER_RADIUS;
    }

  return TRUE;
}

/* Whether the team's shape, centred at cx, cy, meets the rectangle.  Both
 * shapes are a rectangle grown by a radius on every side (a hub's is a
 * point): they meet when that rectangle is no farther from @rect than the
 * radius. */
static gboolean
shape_intersects (PwTeam                  *team,
                  double                   cx,
                  double                   cy,
                  const cairo_rectangle_t *rect)
{
  double hw;
  double hh;
  double radius;
  double gap_x;
  double gap_y;

  get_half_size (team, &hw, &hh);
  radius = pw_team_get_kind (team) == PW_TEAM_HUB ? hw : CORNER_RADIUS;
  hw -= radius;
  hh -= radius;

  gap_x = MAX (0, MAX (rect->x - (cx + hw), (cx - hw) - (rect->x + rect->width)));
  gap_y = MAX (0, MAX (rect->y - (cy + hh), (cy - hh) - (rect->y + rect->height)));

  return gap_x * gap_x + gap_y * gap_y <= radius * radius;
}

/**
 * pw_map_painter_pick:
 * @x: a point of the map, in map units
 * @y: likewise
 *
 * Returns: (transfer none) (nullable): the topmost team (the last in the
 *   map's order) whose shape holds the point
 */
PwTeam *
pw_map_painter_pick (PwMapPainter *self,
                     double        x,
                     double        y)
{
  g_return_val_if_fail (PW_IS_MAP_PAINTER (self), NULL);

  ensure_entries (self);
  for (guint i = self->entries->len; i > 0; i--)
    {
      PwTeam *team = g_array_index (self->entries, Entry, i - 1).team;

      if (shape_contains (team, pw_team_get_x (team), pw_team_get_y (team), x, y))
        return team;
    }

  return NULL;
}

/**
 * pw_map_painter_pick_rect:
 * @rect: a rectangle of the map, in map units
 *
 * Returns: (transfer container) (element-type PwTeam): the teams whose shape
 *   meets the rectangle, in the map's order; the array holds a reference on
 *   each and drops it when freed
 */
GPtrArray *
pw_map_painter_pick_rect (PwMapPainter            *self,
                          const cairo_rectangle_t *rect)
{
  GPtrArray *picked;

  g_return_val_if_fail (PW_IS_MAP_PAINTER (self), NULL);
  g_return_val_if_fail (rect != NULL, NULL);

  ensure_entries (self);
  picked = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->entries->len; i++)
    {
      PwTeam *team = g_array_index (self->entries, Entry, i).team;

      if (shape_intersects (team, pw_team_get_x (team), pw_team_get_y (team), rect))
        g_ptr_array_add (picked, g_object_ref (team));
    }

  return picked;
}

/* Drawing */

typedef struct
{
  const cairo_rectangle_t *visible;
  double                   scale;
  double                   pixel;        /* one device pixel in map units */
  gboolean                 dragging;
  gboolean                 show_name;
  gboolean                 show_function;
  gboolean                 show_badge_text;
} DrawState;

static gboolean
is_selected (PwMapPainter *self,
             PwTeam       *team)
{
  return self->selected != NULL
         && g_hash_table_contains (self->selected, pw_team_get_id (team));
}

static void
get_drawn_center (PwMapPainter    *self,
                  const DrawState *state,
                  PwTeam          *team,
                  double          *cx,
                  double          *cy)
{
  *cx = pw_team_get_x (team);
  *cy = pw_team_get_y (team);
  if (state->dragging && is_selected (self, team))
    {
      *cx += self->drag_dx;
      *cy += self->drag_dy;
    }
}

/* How far what is drawn of a team reaches around its shape: the selection
 * outline, at least a pixel or two wide */
static double
get_margin (const DrawState *state)
{
  return TEAM_MARGIN + 2 * state->pixel;
}

static gboolean
is_visible (const DrawState *state,
            double           x0,
            double           y0,
            double           x1,
            double           y1)
{
  const cairo_rectangle_t *visible = state->visible;

  return visible == NULL
         || !(x1 < visible->x || x0 > visible->x + visible->width
              || y1 < visible->y || y0 > visible->y + visible->height);
}

/* Where the line from the shape's centre towards x, y leaves the shape. */
static void
get_edge_point (PwTeam *team,
                double  cx,
                double  cy,
                double  x,
                double  y,
                double *ex,
                double *ey)
{
  double hw;
  double hh;
  double dx = x - cx;
  double dy = y - cy;
  double length = hypot (dx, dy);
  double t;

  *ex = cx;
  *ey = cy;
  if (length < 1e-6)
    return;

  get_half_size (team, &hw, &hh);
  if (pw_team_get_kind (team) == PW_TEAM_HUB)
    t = hw / length;
  else
    t = MIN (fabs (dx) > 1e-6 ? hw / fabs (dx) : G_MAXDOUBLE,
             fabs (dy) > 1e-6 ? hh / fabs (dy) : G_MAXDOUBLE);

  *ex = cx + dx * t;
  *ey = cy + dy * t;
}

static void
append_rounded_rect (cairo_t *cr,
                     double   x,
                     double   y,
                     double   width,
                     double   height,
                     double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* The team's shape, grown by @grow on every side. */
static void
append_shape (cairo_t    *cr,
              PwTeamKind  kind,
              double      cx,
              double      cy,
              double      grow)
{
  double hw;
  double hh;

  get_kind_half_size (kind, &hw, &hh);
  if (kind == PW_TEAM_HUB)
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, cx, cy, hw + grow, 0, 2 * G_PI);
      cairo_close_path (cr);
    }
  else
    append_rounded_rect (cr, cx - hw - grow, cy - hh - grow, 2 * (hw + grow), 2 * (hh + grow),
                         CORNER_RADIUS + grow);
}

static void
draw_links (PwMapPainter    *self,
            cairo_t         *cr,
            const DrawState *state)
{
  cairo_new_path (cr);
  for (guint i = 0; i < self->links->len; i++)
    {
      const LinkEntry *link = &g_array_index (self->links, LinkEntry, i);
      PwTeam *from = g_array_index (self->entries, Entry, link->from).team;
      PwTeam *to = g_array_index (self->entries, Entry, link->to).team;
      double fx, fy, tx, ty;
      double x0, y0, x1, y1;

      get_drawn_center (self, state, from, &fx, &fy);
      get_drawn_center (self, state, to, &tx, &ty);
      if (!is_visible (state, MIN (fx, tx), MIN (fy, ty), MAX (fx, tx), MAX (fy, ty)))
        continue;

      get_edge_point (from, fx, fy, tx, ty, &x0, &y0);
      get_edge_point (to, tx, ty, fx, fy, &x1, &y1);
      /* Shapes that overlap need no line between them */
      if ((x1 - x0) * (tx - fx) + (y1 - y0) * (ty - fy) <= 0)
        continue;

      cairo_move_to (cr, x0, y0);
      cairo_line_to (cr, x1, y1);
    }

  set_source (cr, &self->colors.line);
  cairo_set_line_width (cr, MAX (LINK_WIDTH, state->pixel));
  /* Lines of a pixel, far out, are drawn without antialiasing: with it,
   * 2,000 of them across the picture take cairo five times as long as the
   * teams, and a line one pixel wide does not look smoother for it. */
  if (LINK_WIDTH * state->scale <= 1.0)
    cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  cairo_stroke (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_DEFAULT);
}

static PangoLayout *
create_layout (PangoContext *context,
               const char   *text,
               double        size,
               PangoWeight   weight,
               int           width,
               int           lines,
               PangoAlignment alignment)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) font = NULL;

  font = pango_font_description_copy_static (pango_context_get_font_description (context));
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, width * PANGO_SCALE);
      pango_layout_set_height (layout, -lines);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_alignment (layout, alignment);

  return layout;
}

static void
ensure_context (PwMapPainter *self,
                PangoContext *context)
{
  if (self->context == context && self->context_serial == pango_context_get_serial (context))
    return;

  clear_context (self);
  self->context = g_object_ref (context);
  self->context_serial = pango_context_get_serial (context);
}

static PangoLayout *
get_badge_layout (PwMapPainter *self,
                  int           phase)
{
  if (self->badge_layouts[phase] == NULL)
    {
      g_autofree char *number = phase > 0 ? g_strdup_printf ("%d", phase) : g_strdup ("–");

      self->badge_layouts[phase] = create_layout (self->context, number, BADGE_SIZE,
                                                  PANGO_WEIGHT_BOLD, -1, 1, PANGO_ALIGN_LEFT);
    }

  return self->badge_layouts[phase];
}

static TeamText *
ensure_text (PwMapPainter *self,
             Entry        *entry)
{
  PwTeam *team = entry->team;
  const char *name = pw_team_get_name (team);
  const char *function = pw_team_get_function (team);
  PwTeamKind kind = pw_team_get_kind (team);
  TeamText *text = entry->text;
  PangoAlignment alignment;
  int width;

  name = name ? name : "";
  function = function ? function : "";
  if (text != NULL && text->kind == kind
      && strcmp (text->name, name) == 0 && strcmp (text->function, function) == 0)
    return text;

  g_clear_pointer (&entry->text, team_text_free);
  text = entry->text = g_new0 (TeamText, 1);
  text->name = g_strdup (name);
  text->function = g_strdup (function);
  text->kind = kind;

  if (kind == PW_TEAM_HUB)
    {
      width = HUB_TEXT_WIDTH;
      alignment = PANGO_ALIGN_CENTER;
    }
  else
    {
      width = PW_TEAM_SPOKE_WIDTH - SPOKE_TEXT_INSET - SPOKE_TEXT_END;
      alignment = PANGO_ALIGN_LEFT;
    }

  if (*name != '\0')
    {
      PangoRectangle logical;

      text->name_layout = create_layout (self->context, name, NAME_SIZE, PANGO_WEIGHT_BOLD,
                                         width, 2, alignment);
      pango_layout_get_pixel_extents (text->name_layout, NULL, &logical);
      text->name_height = logical.height;
    }
  if (*function != '\0')
    {
      PangoRectangle logical;

      text->function_layout = create_layout (self->context, function, FUNCTION_SIZE,
                                             PANGO_WEIGHT_NORMAL, width, 1, alignment);
      pango_layout_get_pixel_extents (text->function_layout, NULL, &logical);
      text->function_height = logical.height;
    }

  return text;
}

static void
draw_layout_at (cairo_t     *cr,
                PangoLayout *layout,
                double       x,
                double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* Where the badge and the clock of a team go */
static void
get_mark_centers (PwTeamKind  kind,
                  double      cx,
                  double      cy,
                  double     *badge_x,
                  double     *badge_y,
                  double     *clock_x,
                  double     *clock_y)
{
  double hw;
  double hh;

  get_kind_half_size (kind, &hw, &hh);
  if (kind == PW_TEAM_HUB)
    {
      *badge_x = *clock_x = cx;
      *badge_y = cy - hh + 22;
      *clock_y = cy + hh - 20;
    }
  else
    {
      *badge_x = *clock_x = cx - hw + 20;
      *badge_y = cy - 12;
      *clock_y = cy + 16;
    }
}

static void
draw_clock (cairo_t          *cr,
            double            x,
            double            y,
            double            radius,
            const PwMapColor *face,
            const PwMapColor *hands,
            double            pixel)
{
  cairo_new_path (cr);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  set_source (cr, face);
  cairo_fill (cr);

  cairo_move_to (cr, x, y - radius * 0.65);
  cairo_line_to (cr, x, y);
  cairo_line_to (cr, x + radius * 0.5, y + radius * 0.2);
  set_source (cr, hands);
  cairo_set_line_width (cr, MAX (radius * 0.22, pixel));
  cairo_stroke (cr);
}

static void
draw_badge (PwMapPainter     *self,
            cairo_t          *cr,
            const DrawState  *state,
            int               phase,
            double            x,
            double            y,
            const PwMapColor *face,
            const PwMapColor *number)
{
  cairo_new_path (cr);
  cairo_arc (cr, x, y, BADGE_RADIUS, 0, 2 * G_PI);
  set_source (cr, face);
  cairo_fill (cr);

  if (state->show_badge_text)
    {
      PangoLayout *layout = get_badge_layout (self, phase);
      PangoRectangle ink;

      pango_layout_get_pixel_extents (layout, NULL, &ink);
      set_source (cr, number);
      draw_layout_at (cr, layout, x - ink.width / 2.0, y - ink.height / 2.0);
    }
}

static int
get_phase (PwMapPainter *self,
           PwTeam       *team,
           gboolean     *stale)
{
  guint state = GPOINTER_TO_UINT (g_hash_table_lookup (self->states, pw_team_get_id (team)));

  *stale = (state & STATE_STALE) != 0;
  return (int) (state & STATE_PHASE);
}

/* Everything of a team but its text: the shape, its fill and outline, the
 * selection, the badge and the clock.  Returns the colour the text goes
 * in. */
static PwMapColor
draw_team_body (PwMapPainter    *self,
                cairo_t         *cr,
                const DrawState *state,
                PwTeamKind       kind,
                int              phase,
                gboolean         stale,
                double           cx,
                double           cy,
                gboolean         selected)
{
  gboolean hub = kind == PW_TEAM_HUB;
  PwMapColor fill;
  PwMapColor ink;
  double badge_x, badge_y, clock_x, clock_y;

  cairo_new_path (cr);
  append_shape (cr, kind, cx, cy, 0);
  if (phase > 0)
    {
      pw_map_phase_color (phase, &fill, &ink);
      set_source (cr, &fill);
      cairo_fill_preserve (cr);
      set_source (cr, hub ? &self->colors.hub_outline : &self->colors.spoke_outline);
      cairo_set_line_width (cr, MAX (hub ? 3.0 : 1.5, state->pixel));
      cairo_stroke (cr);
    }
  else
    {
      double dash = MAX (8.0, 4 * state->pixel);

      fill = self->colors.background;
      ink = self->colors.foreground;
      cairo_set_dash (cr, (double[]) { dash, dash * 0.6 }, 2, 0);
      set_source (cr, &self->colors.foreground);
      cairo_set_line_width (cr, MAX (hub ? 3.0 : 2.0, state->pixel));
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  if (selected)
    {
      append_shape (cr, kind, cx, cy, SELECTION_GAP);
      set_source (cr, &self->colors.selection);
      cairo_set_line_width (cr, MAX (4.0, 2 * state->pixel));
      cairo_stroke (cr);
    }

  /* The badge and the clock are in the text's colour with the fill's
   * colour on them, which unassessed teams take from the background. */
  get_mark_centers (kind, cx, cy, &badge_x, &badge_y, &clock_x, &clock_y);
  draw_badge (self, cr, state, phase, badge_x, badge_y, &ink, &fill);
  if (stale)
    draw_clock (cr, clock_x, clock_y, CLOCK_RADIUS, &ink, &fill, state->pixel);

  return ink;
}

static void
draw_team_text (PwMapPainter     *self,
                cairo_t          *cr,
                const DrawState  *state,
                Entry            *entry,
                double            cx,
                double            cy,
                const PwMapColor *ink)
{
  TeamText *text;
  gboolean hub;
  gboolean name;
  gboolean function;
  double height;
  double hw;
  double hh;
  double x;
  double y;

  if (!state->show_name && !state->show_function)
    return;

  text = ensure_text (self, entry);
  hub = text->kind == PW_TEAM_HUB;
  name = state->show_name && text->name_layout != NULL;
  function = state->show_function && text->function_layout != NULL;
  height = (name ? text->name_height : 0) + (function ? text->function_height : 0);
  get_kind_half_size (text->kind, &hw, &hh);
  x = hub ? cx - HUB_TEXT_WIDTH / 2.0 : cx - hw + SPOKE_TEXT_INSET;
  y = (hub ? cy + 4 : cy) - height / 2;

  set_source (cr, ink);
  if (name)
    {
      draw_layout_at (cr, text->name_layout, x, y);
      y += text->name_height;
    }
  if (function)
    draw_layout_at (cr, text->function_layout, x, y);
}

static void
draw_team (PwMapPainter    *self,
           cairo_t         *cr,
           const DrawState *state,
           Entry           *entry,
           double           cx,
           double           cy,
           gboolean         selected)
{
  gboolean stale;
  int phase = get_phase (self, entry->team, &stale);
  PwMapColor ink;

  ink = draw_team_body (self, cr, state, pw_team_get_kind (entry->team), phase, stale, cx, cy,
                        selected);
  draw_team_text (self, cr, state, entry, cx, cy, &ink);
}

/* Whether teams can be copied from sprites onto @cr: it draws pixels
 * (not a vector format, whose pictures must stay sharp at any size), is
 * not rotated or skewed, and a sprite is not too large. */
static gboolean
can_use_sprites (PwMapPainter    *self,
                 cairo_t         *cr,
                 const DrawState *state,
                 double          *device_scale)
{
  cairo_surface_t *target = cairo_get_group_target (cr);
  cairo_matrix_t matrix;

  if (self->vector_only)
    return FALSE;

  switch ((int) cairo_surface_get_type (target))
    {
    case CAIRO_SURFACE_TYPE_PDF:
    case CAIRO_SURFACE_TYPE_PS:
    case CAIRO_SURFACE_TYPE_SVG:
    case CAIRO_SURFACE_TYPE_SCRIPT:
      return FALSE;
    default:
      break;
    }

  cairo_get_matrix (cr, &matrix);
  if (matrix.xy != 0 || matrix.yx != 0 || matrix.xx <= 0 || matrix.xx != matrix.yy)
    return FALSE;
  if ((PW_TEAM_SPOKE_WIDTH + 2 * get_margin (state)) * state->scale > MAX_SPRITE_PIXELS)
    return FALSE;

  /* The device pixels of one unit of the target's space */
  *device_scale = state->scale / matrix.xx;

  return TRUE;
}

static const Sprite *
get_sprite (PwMapPainter    *self,
            const DrawState *state,
            PwTeamKind       kind,
            int              phase,
            gboolean         stale,
            gboolean         selected)
{
  Sprite *sprite;
  double hw;
  double hh;
  cairo_t *cr;

  if (self->sprite_scale != state->scale)
    {
      clear_sprites (self);
      self->sprite_scale = state->scale;
    }

  sprite = &self->sprites[kind == PW_TEAM_HUB ? 0 : 1][phase][stale ? 1 : 0][selected ? 1 : 0];
  if (sprite->surface != NULL)
    return sprite;

  get_kind_half_size (kind, &hw, &hh);
  sprite->width = (int) ceil (2 * (hw + get_margin (state)) * state->scale);
  sprite->height = (int) ceil (2 * (hh + get_margin (state)) * state->scale);
  sprite->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, sprite->width,
                                                sprite->height);
  cairo_surface_set_device_scale (sprite->surface, state->scale, state->scale);
  cr = cairo_create (sprite->surface);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  draw_team_body (self, cr, state, kind, phase, stale, sprite->width / 2.0 / state->scale,
                  sprite->height / 2.0 / state->scale, selected);
  cairo_destroy (cr);

  return sprite;
}

/* Copies the sprite centred on cx, cy, onto whole device pixels so that
 * it is copied, not resampled. */
static void
paint_sprite (cairo_t      *cr,
              const Sprite *sprite,
              double        device_scale,
              double        cx,
              double        cy)
{
  double x = cx;
  double y = cy;

  cairo_user_to_device (cr, &x, &y);
  x = round (x * device_scale - sprite->width / 2.0) / device_scale;
  y = round (y * device_scale - sprite->height / 2.0) / device_scale;
  cairo_device_to_user (cr, &x, &y);

  cairo_set_source_surface (cr, sprite->surface, x, y);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
  cairo_paint (cr);
}

/* The teams that are selected, or those that are not, in their order,
 * copied from sprites where the target allows: a few cairo calls a team
 * instead of a dozen. */
static void
draw_teams (PwMapPainter    *self,
            cairo_t         *cr,
            const DrawState *state,
            gboolean         selected)
{
  double device_scale = 1;
  gboolean sprites = can_use_sprites (self, cr, state, &device_scale);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);
      PwTeamKind kind = pw_team_get_kind (entry->team);
      double cx, cy, hw, hh;

      if (is_selected (self, entry->team) != selected)
        continue;

      get_drawn_center (self, state, entry->team, &cx, &cy);
      get_kind_half_size (kind, &hw, &hh);
      hw += get_margin (state);
      hh += get_margin (state);
      if (!is_visible (state, cx - hw, cy - hh, cx + hw, cy + hh))
        continue;

      if (sprites)
        {
          gboolean stale;
          int phase = get_phase (self, entry->team, &stale);
          PwMapColor ink;

          paint_sprite (cr, get_sprite (self, state, kind, phase, stale, selected), device_scale,
                        cx, cy);
          if (phase > 0)
            pw_map_phase_color (phase, NULL, &ink);
          else
            ink = self->colors.foreground;
          draw_team_text (self, cr, state, entry, cx, cy, &ink);
        }
      else
        {
          draw_team (self, cr, state, entry, cx, cy, selected);
        }
    }
}

static void
draw_connect_preview (PwMapPainter    *self,
                      cairo_t         *cr,
                      const DrawState *state)
{
  guint index;
  PwTeam *from;
  double cx, cy, x0, y0;
  double dash = MAX (6.0, 3 * state->pixel);

  index = GPOINTER_TO_UINT (g_hash_table_lookup (self->index_by_id, self->connect_from));
  if (index == 0)
    return;

  from = g_array_index (self->entries, Entry, index - 1).team;
  get_drawn_center (self, state, from, &cx, &cy);
  get_edge_point (from, cx, cy, self->connect_x, self->connect_y, &x0, &y0);

  cairo_new_path (cr);
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, self->connect_x, self->connect_y);
  set_source (cr, &self->colors.selection);
  cairo_set_line_width (cr, MAX (2.5, 1.5 * state->pixel));
  cairo_set_dash (cr, (double[]) { dash, dash }, 2, 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

static void
draw_rubber_band (PwMapPainter    *self,
                  cairo_t         *cr,
                  const DrawState *state)
{
  const cairo_rectangle_t *band = &self->rubber_band;
  PwMapColor color = self->colors.selection;

  cairo_new_path (cr);
  cairo_rectangle (cr, band->x, band->y, band->width, band->height);
  color.alpha *= 0.15;
  set_source (cr, &color);
  cairo_fill_preserve (cr);
  set_source (cr, &self->colors.selection);
  cairo_set_line_width (cr, state->pixel);
  cairo_stroke (cr);
}

/**
 * pw_map_painter_draw:
 * @cr: a cairo context in map units
 * @context: the pango context for the text, whose font family is used
 * @visible: (nullable): the part of the map that is seen, in map units:
 *   what lies outside is not drawn; %NULL for everything
 * @scale: device pixels per map unit, for the level of detail
 *
 * Draws the links, then the teams (the selected ones last, moved by the
 * drag offset), then the connect preview and the rubber band.  Draws no
 * background.
 */
void
pw_map_painter_draw (PwMapPainter            *self,
                     cairo_t                 *cr,
                     PangoContext            *context,
                     const cairo_rectangle_t *visible,
                     double                   scale)
{
  DrawState state = { 0 };

  g_return_if_fail (PW_IS_MAP_PAINTER (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (PANGO_IS_CONTEXT (context));
  g_return_if_fail (scale > 0);

  ensure_entries (self);
  ensure_context (self, context);

  state.visible = visible;
  state.scale = scale;
  state.pixel = 1.0 / scale;
  state.dragging = self->selected != NULL && (self->drag_dx != 0 || self->drag_dy != 0);
  state.show_name = NAME_SIZE * scale >= MIN_TEXT_PIXELS;
  state.show_function = FUNCTION_SIZE * scale >= MIN_TEXT_PIXELS;
  state.show_badge_text = BADGE_SIZE * scale >= MIN_TEXT_PIXELS;

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  draw_links (self, cr, &state);
  draw_teams (self, cr, &state, FALSE);
  if (self->selected != NULL)
    draw_teams (self, cr, &state, TRUE);
  if (self->connect_from != NULL)
    draw_connect_preview (self, cr, &state);
  if (self->has_rubber_band)
    draw_rubber_band (self, cr, &state);

  cairo_restore (cr);
}

/* The legend */

static const char *
get_phase_name (PwMapPainter *self,
                int           phase)
{
  static const char *fallback[PW_N_PHASES] = {
    /* Translators: the name of phase 1 of the maturity model */
    N_("The Missing"),
    /* Translators: the name of phase 2 of the maturity model */
    N_("The Seekers"),
    /* Translators: the name of phase 3 of the maturity model */
    N_("The Integrators"),
    /* Translators: the name of phase 4 of the maturity model */
    N_("The Relators"),
    /* Translators: the name of phase 5 of the maturity model */
    N_("The Proficient"),
  };

  if (self->framework != NULL)
    return pw_framework_get_phase (self->framework, phase)->name;

  return _(fallback[phase - 1]);
}

typedef enum
{
  LEGEND_PHASE,
  LEGEND_UNASSESSED,
  LEGEND_STALE,
  LEGEND_HUB,
  LEGEND_SPOKE,
} LegendKind;

typedef struct
{
  LegendKind  kind;
  int         phase;
  const char *label;
} LegendRow;

static void
draw_legend_swatch (PwMapPainter *self,
                    cairo_t      *cr,
                    PangoContext *context,
                    LegendKind    kind,
                    int           phase,
                    double        x,
                    double        y)
{
  double s = LEGEND_SWATCH;
  PwMapColor fill;
  PwMapColor ink;

  cairo_new_path (cr);
  switch (kind)
    {
    case LEGEND_PHASE:
    case LEGEND_UNASSESSED:
      {
        g_autoptr(PangoLayout) layout = NULL;
        g_autofree char *number = phase > 0 ? g_strdup_printf ("%d", phase) : g_strdup ("–");
        PangoRectangle ink_rect;

        append_rounded_rect (cr, x, y, s, s, 4);
        if (phase > 0)
          {
            pw_map_phase_color (phase, &fill, &ink);
            set_source (cr, &fill);
            cairo_fill_preserve (cr);
            set_source (cr, &self->colors.spoke_outline);
            cairo_set_line_width (cr, 1);
            cairo_stroke (cr);
          }
        else
          {
            ink = self->colors.foreground;
            set_source (cr, &ink);
            cairo_set_line_width (cr, 1.5);
            cairo_set_dash (cr, (double[]) { 3, 2 }, 2, 0);
            cairo_stroke (cr);
            cairo_set_dash (cr, NULL, 0, 0);
          }
        layout = create_layout (context, number, s * 0.7, PANGO_WEIGHT_BOLD, -1, 1,
                                PANGO_ALIGN_LEFT);
        pango_layout_get_pixel_extents (layout, NULL, &ink_rect);
        set_source (cr, &ink);
        draw_layout_at (cr, layout, x + (s - ink_rect.width) / 2, y + (s - ink_rect.height) / 2);
      }
      break;

    case LEGEND_STALE:
      draw_clock (cr, x + s / 2, y + s / 2, s / 2, &self->colors.foreground,
                  &self->colors.background, 1);
      break;

    case LEGEND_HUB:
      cairo_arc (cr, x + s / 2, y + s / 2, s / 2 - 1, 0, 2 * G_PI);
      set_source (cr, &self->colors.hub_outline);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
      break;

    case LEGEND_SPOKE:
      append_rounded_rect (cr, x, y + s * 0.2, s, s * 0.6, 3);
      set_source (cr, &self->colors.spoke_outline);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      break;

    default:
      g_assert_not_reached ();
    }
}

/**
 * pw_map_painter_draw_legend:
 * @cr: the cairo context to draw on
 * @context: the pango context, whose font the legend's text takes
 * @x: where the legend's top left corner goes
 * @y: likewise
 * @width: (out) (optional): the legend's width
 * @height: (out) (optional): its height
 *
 * Draws what the colours and marks mean, one row each: the five phases
 * with their colour, number and name (the framework's, after
 * pw_map_painter_update_states()), unassessed, stale, hub and spoke.
 * Draws no background.
 */
void
pw_map_painter_draw_legend (PwMapPainter *self,
                            cairo_t      *cr,
                            PangoContext *context,
                            double        x,
                            double        y,
                            double       *width,
                            double       *height)
{
  LegendRow rows[PW_N_PHASES + 4];
  guint n_rows = 0;
  double row_y = y;
  double max_width = 0;

  g_return_if_fail (PW_IS_MAP_PAINTER (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (PANGO_IS_CONTEXT (context));

  for (int phase = 1; phase <= PW_N_PHASES; phase++)
    rows[n_rows++] = (LegendRow) { LEGEND_PHASE, phase, get_phase_name (self, phase) };
  /* Translators: in the map's legend, a team without an assessment */
  rows[n_rows++] = (LegendRow) { LEGEND_UNASSESSED, 0, _("Not assessed") };
  /* Translators: in the map's legend, the clock mark of a team whose latest assessment is old */
  rows[n_rows++] = (LegendRow) { LEGEND_STALE, 0, _("Assessed more than 12 months ago") };
  /* Translators: in the map's legend, the shape of a hub team (a center of excellence) */
  rows[n_rows++] = (LegendRow) { LEGEND_HUB, 0, _("Hub") };
  /* Translators: in the map's legend, the shape of a spoke team */
  rows[n_rows++] = (LegendRow) { LEGEND_SPOKE, 0, _("Spoke") };

  cairo_save (cr);
  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(PangoLayout) layout = pango_layout_new (context);
      PangoRectangle logical;
      double row_height;

      pango_layout_set_text (layout, rows[i].label, -1);
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      row_height = MAX (LEGEND_SWATCH, logical.height);

      draw_legend_swatch (self, cr, context, rows[i].kind, rows[i].phase, x,
                          row_y + (row_height - LEGEND_SWATCH) / 2);
      set_source (cr, &self->colors.foreground);
      draw_layout_at (cr, layout, x + LEGEND_SWATCH + LEGEND_GAP,
                      row_y + (row_height - logical.height) / 2);

      max_width = MAX (max_width, LEGEND_SWATCH + LEGEND_GAP + logical.width);
      row_y += row_height + (i + 1 < n_rows ? LEGEND_GAP / 2 : 0);
    }
  cairo_restore (cr);

  if (width != NULL)
    *width = max_width;
  if (height != NULL)
    *height = row_y - y;
}
