/* pw-org-layout.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-org-layout"

#include "config.h"

#include <math.h>

#include "pw-org-layout.h"

/*
 * Where the teams of the organization map go.
 *
 * pw_org_layout_all() draws the map anew: each hub in the middle of its
 * spokes, which sit on rings around it (as many as fit on a ring without
 * touching, the ring after that a little wider), in the order of the teams.
 * The clusters of the hubs stand on a grid whose rows and columns are as
 * wide as their largest cluster needs: two hubs are always at least twice
 * as far apart as any of their spokes is from its own hub, so that every
 * spoke is nearer its own hub than any other.  Spokes without a hub and
 * teams linked to nothing stand in a grid of their own, to the right.
 *
 * For the geometry of the rings each shape counts as the circle around its
 * bounding box; the overlap tests use the boxes themselves.  Every function
 * only sets x and y: callers make that one edit (pw_workbook_begin_edit()).
 * The work is linear in the number of teams and links, apart from sorting:
 * the free places are looked up in a grid of cells (SpaceIndex).
 */

#define SPACING       PW_ORG_LAYOUT_SPACING
#define GRID          PW_ORG_LAYOUT_GRID
/* The circles around the bounding boxes, with a unit to spare for rounding
 * the centres to whole map units */
#define HUB_RADIUS    100   /* ⌈√(70² + 70²)⌉ + 1 */
#define SPOKE_RADIUS   98   /* ⌈√(90² + 36²)⌉ + 1 */
#define FIRST_RING    (HUB_RADIUS + SPACING + SPOKE_RADIUS)
#define RING_STEP     (2 * SPOKE_RADIUS + SPACING)
/* The side of the cells of a SpaceIndex, about one shape and its spacing */
#define CELL          256

typedef struct
{
  int x0, y0, x1, y1;  /* [x0, x1) × [y0, y1) */
} Box;

static Box
box_at (int x,
        int y,
        int width,
        int height)
{
  Box box = { x - width / 2, y - height / 2, 0, 0 };

  box.x1 = box.x0 + width;
  box.y1 = box.y0 + height;

  return box;
}

static Box
team_box (PwTeam *team)
{
  int width, height;

  pw_team_get_size (team, &width, &height);

  return box_at (pw_team_get_x (team), pw_team_get_y (team), width, height);
}

/* Whether @a and @b come nearer than @gap to each other */
static gboolean
boxes_clash (const Box *a,
             const Box *b,
             int        gap)
{
  return a->x0 < b->x1 + gap && b->x0 < a->x1 + gap
         && a->y0 < b->y1 + gap && b->y0 < a->y1 + gap;
}

static int
round_to_int (double value)
{
  return (int) floor (value + 0.5);
}

static int
floor_div (int value,
           int divisor)
{
  return value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor);
}

static int
clamp_coordinate (gint64 value)
{
  return (int) CLAMP (value, PW_TEAM_MIN_COORDINATE, PW_TEAM_MAX_COORDINATE);
}

/* ------------------------------------------------------------------------
 * SpaceIndex: the boxes placed so far, by the cells of a grid they touch
 */

typedef struct
{
  GArray     *boxes;  /* Box */
  GHashTable *cells;  /* gint64 cell → GArray of guint, indexes into @boxes */
} SpaceIndex;

static void
space_init (SpaceIndex *space)
{
  space->boxes = g_array_new (FALSE, FALSE, sizeof (Box));
  space->cells = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                        (GDestroyNotify) g_array_unref);
}

static void
space_clear (SpaceIndex *space)
{
  g_clear_pointer (&space->boxes, g_array_unref);
  g_clear_pointer (&space->cells, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SpaceIndex, space_clear)

static gint64
cell_key (int cx,
          int cy)
{
  return (gint64) (((guint64) (guint32) cx << 32) | (guint32) cy);
}

static void
space_add (SpaceIndex *space,
           const Box  *box)
{
  guint index = space->boxes->len;

  g_array_append_val (space->boxes, *box);

  for (int cx = floor_div (box->x0, CELL); cx <= floor_div (box->x1 - 1, CELL); cx++)
    for (int cy = floor_div (box->y0, CELL); cy <= floor_div (box->y1 - 1, CELL); cy++)
      {
        gint64 key = cell_key (cx, cy);
        GArray *members = g_hash_table_lookup (space->cells, &key);

        if (members == NULL)
          {
            members = g_array_new (FALSE, FALSE, sizeof (guint));
            g_hash_table_insert (space->cells, g_memdup2 (&key, sizeof key), members);
          }
        g_array_append_val (members, index);
      }
}

/* Returns: a box placed that comes nearer than @gap to @box, or NULL */
static const Box *
space_find_clash (SpaceIndex *space,
                  const Box  *box,
                  int         gap)
{
  for (int cx = floor_div (box->x0 - gap, CELL); cx <= floor_div (box->x1 + gap - 1, CELL); cx++)
    for (int cy = floor_div (box->y0 - gap, CELL); cy <= floor_div (box->y1 + gap - 1, CELL);
         cy++)
      {
        gint64 key = cell_key (cx, cy);
        GArray *members = g_hash_table_lookup (space->cells, &key);

        if (members == NULL)
          continue;

        for (guint i = 0; i < members->len; i++)
          {
            const Box *other = &g_array_index (space->boxes, Box,
                                               g_array_index (members, guint, i));

            if (boxes_clash (box, other, gap))
              return other;
          }
      }

  return NULL;
}

/* ------------------------------------------------------------------------
 * Clusters: a hub and its spokes on rings around it
 */

/* How many spokes fit on a ring of @radius, a spoke's circle and the
 * spacing apart */
static guint
ring_capacity (double radius)
{
  double half_angle = asin ((SPOKE_RADIUS + SPACING / 2.0) / radius);

  return MAX (1, (guint) floor (G_PI / half_angle));
}

/* Sets the places of @n spokes around a hub at (0, 0): @offsets gets x, y
 * pairs.  Returns: the radius of the outermost ring, 0 when @n is 0 */
static double
ring_offsets (guint  n,
              int   *offsets)
{
  double radius = FIRST_RING;
  guint placed = 0;

  if (n == 0)
    return 0;

  for (;; radius += RING_STEP)
    {
      guint capacity = ring_capacity (radius);
      guint on_ring = MIN (capacity, n - placed);

      for (guint j = 0; j < on_ring; j++)
        {
          double angle = -G_PI / 2 + 2 * G_PI * j / on_ring;

          offsets[2 * (placed + j)] = round_to_int (radius * cos (angle));
          offsets[2 * (placed + j) + 1] = round_to_int (radius * sin (angle));
        }
      placed += on_ring;

      if (placed == n)
        return radius;
    }
}

typedef struct
{
  PwTeam    *hub;
  GPtrArray *spokes;  /* PwTeam, in team order */
  int       *offsets;
  int        reach;   /* half the side of the cluster's cell */
} Cluster;

static void
cluster_free (Cluster *cluster)
{
  g_clear_pointer (&cluster->spokes, g_ptr_array_unref);
  g_clear_pointer (&cluster->offsets, g_free);
  g_free (cluster);
}

static Cluster *
cluster_new (PwTeam *hub)
{
  Cluster *cluster = g_new0 (Cluster, 1);

  cluster->hub = hub;
  cluster->spokes = g_ptr_array_new ();

  return cluster;
}

/* Computes the places of the spokes and the reach: the spokes are within
 * reach − spoke radius − half the spacing of the hub. */
static void
cluster_measure (Cluster *cluster)
{
  double radius;

  cluster->offsets = g_new0 (int, 2 * MAX (1, cluster->spokes->len));
  radius = ring_offsets (cluster->spokes->len, cluster->offsets);
  cluster->reach = (cluster->spokes->len > 0 ? (int) ceil (radius) + SPOKE_RADIUS : HUB_RADIUS)
                   + SPACING / 2;
}

static void
cluster_place (Cluster *cluster,
               int      x,
               int      y)
{
  pw_team_set_x (cluster->hub, clamp_coordinate (x));
  pw_team_set_y (cluster->hub, clamp_coordinate (y));

  for (guint i = 0; i < cluster->spokes->len; i++)
    {
      PwTeam *spoke = g_ptr_array_index (cluster->spokes, i);

      pw_team_set_x (spoke, clamp_coordinate ((gint64) x + cluster->offsets[2 * i]));
      pw_team_set_y (spoke, clamp_coordinate ((gint64) y + cluster->offsets[2 * i + 1]));
    }
}

/* Places @clusters on a grid, row by row from (@left, @top); each column
 * and row is as wide as its largest cluster, and two neighbouring
 * columns (rows) are apart twice the reach of the larger.  Returns: the
 * right edge of the grid. */
static int
place_cluster_grid (GPtrArray *clusters,
                    int        left,
                    int        top)
{
  guint n = clusters->len, columns, rows;
  g_autofree int *column_reach = NULL;
  g_autofree int *row_reach = NULL;
  g_autofree gint64 *xs = NULL;
  g_autofree gint64 *ys = NULL;

  if (n == 0)
    return left;

  columns = (guint) ceil (sqrt (n));
  rows = (n + columns - 1) / columns;
  column_reach = g_new0 (int, columns);
  row_reach = g_new0 (int, rows);
  for (guint i = 0; i < n; i++)
    {
      Cluster *cluster = g_ptr_array_index (clusters, i);

      column_reach[i % columns] = MAX (column_reach[i % columns], cluster->reach);
      row_reach[i / columns] = MAX (row_reach[i / columns], cluster->reach);
    }

  xs = g_new0 (gint64, columns);
  ys = g_new0 (gint64, rows);
  xs[0] = (gint64) left + column_reach[0];
  for (guint c = 1; c < columns; c++)
    xs[c] = xs[c - 1] + 2 * (gint64) MAX (column_reach[c - 1], column_reach[c]);
  ys[0] = (gint64) top + row_reach[0];
  for (guint r = 1; r < rows; r++)
    ys[r] = ys[r - 1] + 2 * (gint64) MAX (row_reach[r - 1], row_reach[r]);

  for (guint i = 0; i < n; i++)
    cluster_place (g_ptr_array_index (clusters, i), (int) xs[i % columns],
                   (int) ys[i / columns]);

  return clamp_coordinate (xs[columns - 1] + 2 * (gint64) column_reach[columns - 1]);
}

/* Places @teams in a grid of equal cells, row by row from (@left, @top) */
static void
place_loose_grid (GPtrArray *teams,
                  int        left,
                  int        top)
{
  int cell_width = 0, cell_height = 0;
  guint columns;

  if (teams->len == 0)
    return;

  for (guint i = 0; i < teams->len; i++)
    {
      int width, height;

      pw_team_get_size (g_ptr_array_index (teams, i), &width, &height);
      cell_width = MAX (cell_width, width + SPACING);
      cell_height = MAX (cell_height, height + SPACING);
    }

  columns = (guint) ceil (sqrt (teams->len));
  for (guint i = 0; i < teams->len; i++)
    {
      PwTeam *team = g_ptr_array_index (teams, i);

      pw_team_set_x (team, clamp_coordinate ((gint64) left + SPACING / 2 + cell_width / 2
                                             + (gint64) (i % columns) * cell_width));
      pw_team_set_y (team, clamp_coordinate ((gint64) top + SPACING / 2 + cell_height / 2
                                             + (gint64) (i / columns) * cell_height));
    }
}

/* Counts the links of each team: team → count */
static GHashTable *
count_links (PwOrgMap *map)
{
  GListModel *links = pw_org_map_get_links (map);
  GHashTable *counts = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(PwLink) link = g_list_model_get_item (links, i);
      PwTeam *ends[2] = {
        pw_org_map_find_team (map, pw_link_get_from (link)),
        pw_org_map_find_team (map, pw_link_get_to (link)),
      };

      for (guint j = 0; j < 2; j++)
        g_hash_table_insert (counts, ends[j],
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts,
                                                                                      ends[j]))
                                               + 1));
    }

  return counts;
}

/**
 * pw_org_layout_all:
 * @map: an organization map
 *
 * Lays out every team of @map: each hub in the middle of its spokes, the
 * hubs' clusters apart on a grid so that every spoke is nearer its own hub
 * than any other hub, and the spokes without a hub and the teams linked to
 * nothing in a grid beside them.  The teams keep their order on the rings
 * and in the grids; the result depends on the map alone.  Only x and y
 * change: the caller makes that one edit.
 */
void
pw_org_layout_all (PwOrgMap *map)
{
  g_autoptr(GPtrArray) clusters = NULL;
  g_autoptr(GPtrArray) loose = NULL;
  g_autoptr(GHashTable) cluster_of = NULL;  /* hub → Cluster */
  g_autoptr(GHashTable) link_counts = NULL;
  GListModel *teams;
  guint n;
  int right;

  g_return_if_fail (PW_IS_ORG_MAP (map));

  teams = pw_org_map_get_teams (map);
  n = g_list_model_get_n_items (teams);
  clusters = g_ptr_array_new_with_free_func ((GDestroyNotify) cluster_free);
  loose = g_ptr_array_new_with_free_func (g_object_unref);
  cluster_of = g_hash_table_new (NULL, NULL);
  link_counts = count_links (map);

  /* Hubs with links have a cluster, in the order of the teams */
  for (guint i = 0; i < n; i++)
    {
      PwTeam *team = g_list_model_get_item (teams, i);

      if (pw_team_get_kind (team) == PW_TEAM_HUB && g_hash_table_contains (link_counts, team))
        {
          Cluster *cluster = cluster_new (team);

          g_ptr_array_add (clusters, cluster);
          g_hash_table_insert (cluster_of, team, cluster);
        }
      g_object_unref (team);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwTeam) team = g_list_model_get_item (teams, i);
      PwTeam *hub;

      if (g_hash_table_contains (cluster_of, team))
        continue;

      hub = pw_org_map_get_hub_of (map, team);
      if (hub != NULL)
        g_ptr_array_add (((Cluster *) g_hash_table_lookup (cluster_of, hub))->spokes, team);
      else
        g_ptr_array_add (loose, g_object_ref (team));
    }

  for (guint i = 0; i < clusters->len; i++)
    cluster_measure (g_ptr_array_index (clusters, i));

  right = place_cluster_grid (clusters, 0, 0);
  place_loose_grid (loose, right, 0);
}

/* ------------------------------------------------------------------------
 * Placing new teams
 */

/* Where the search for free places around one hub goes on: the places
 * before it were taken, and stay taken, as teams are only added. */
typedef struct
{
  guint ring;
  guint candidate;
} RingCursor;

#define MAX_RINGS 256

/* Looks for a free place for @team on rings around its @hub, from the
 * first ring outwards.  Returns: whether it found one, in @box */
static gboolean
find_place_around (SpaceIndex *space,
                   PwTeam     *team,
                   PwTeam     *hub,
                   RingCursor *cursor,
                   Box        *box)
{
  int width, height;

  pw_team_get_size (team, &width, &height);

  for (; cursor->ring < MAX_RINGS; cursor->ring++, cursor->candidate = 0)
    {
      double radius = FIRST_RING + cursor->ring * (RING_STEP / 2.0);
      guint candidates = 2 * ring_capacity (radius);

      for (; cursor->candidate < candidates; cursor->candidate++)
        {
          double angle = -G_PI / 2 + 2 * G_PI * cursor->candidate / candidates;
          gint64 x = pw_team_get_x (hub) + round_to_int (radius * cos (angle));
          gint64 y = pw_team_get_y (hub) + round_to_int (radius * sin (angle));
          Box candidate = box_at (clamp_coordinate (x), clamp_coordinate (y), width, height);

          if (space_find_clash (space, &candidate, SPACING) == NULL)
            {
              *box = candidate;
              return TRUE;
            }
        }
    }

  return FALSE;
}

static void
place_team_in_box (SpaceIndex *space,
                   PwTeam     *team,
                   const Box  *box)
{
  pw_team_set_x (team, clamp_coordinate (((gint64) box->x0 + box->x1) / 2));
  pw_team_set_y (team, clamp_coordinate (((gint64) box->y0 + box->y1) / 2));
  space_add (space, box);
}

/* The rows below the map where new clusters and teams go */
typedef struct
{
  int left;
  int width;
  int x;
  int y;
  int row_height;
} Shelf;

/* Returns: the top left corner of a free @width × @height place */
static void
shelf_take (Shelf *shelf,
            int    width,
            int    height,
            int   *x,
            int   *y)
{
  if (shelf->x > shelf->left && shelf->x + width > shelf->left + shelf->width)
    {
      shelf->x = shelf->left;
      shelf->y += shelf->row_height + SPACING;
      shelf->row_height = 0;
    }

  *x = shelf->x;
  *y = shelf->y;
  shelf->x += width + SPACING;
  shelf->row_height = MAX (shelf->row_height, height);
}

/**
 * pw_org_layout_teams:
 * @map: an organization map
 * @teams: (element-type PwTeam): teams of @map just added, as an import
 *   adds them
 *
 * Places @teams without moving any other team and without overlapping
 * one: a spoke whose hub was on the map before goes to a free place near
 * that hub; a new hub goes below the map with its new spokes around it;
 * the other teams go in rows below the map.  Only x and y change: the
 * caller makes that one edit.
 */
void
pw_org_layout_teams (PwOrgMap  *map,
                     GPtrArray *teams)
{
  g_autoptr(GHashTable) new_teams = NULL;
  g_autoptr(GPtrArray) clusters = NULL;
  g_autoptr(GHashTable) cluster_of = NULL;
  g_autoptr(GHashTable) cursors = NULL;  /* hub → RingCursor */
  g_autoptr(GPtrArray) rest = NULL;
  g_auto(SpaceIndex) space = { NULL, NULL };
  GListModel *all;
  Box bounds = { G_MAXINT, G_MAXINT, G_MININT, G_MININT };
  Shelf shelf = { 0 };

  g_return_if_fail (PW_IS_ORG_MAP (map));
  g_return_if_fail (teams != NULL);

  new_teams = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < teams->len; i++)
    {
      PwTeam *team = g_ptr_array_index (teams, i);

      g_return_if_fail (PW_IS_TEAM (team));
      if (pw_org_map_find_team (map, pw_team_get_id (team)) == team)
        g_hash_table_add (new_teams, team);
    }

  if (g_hash_table_size (new_teams) == 0)
    return;

  space_init (&space);
  all = pw_org_map_get_teams (map);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(PwTeam) team = g_list_model_get_item (all, i);
      Box box;

      if (g_hash_table_contains (new_teams, team))
        continue;

      box = team_box (team);
      space_add (&space, &box);
    }

  clusters = g_ptr_array_new_with_free_func ((GDestroyNotify) cluster_free);
  cluster_of = g_hash_table_new (NULL, NULL);
  cursors = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  rest = g_ptr_array_new ();
  for (guint i = 0; i < teams->len; i++)
    {
      PwTeam *team = g_ptr_array_index (teams, i);

      if (pw_team_get_kind (team) == PW_TEAM_HUB && g_hash_table_contains (new_teams, team)
          && !g_hash_table_contains (cluster_of, team))
        {
          Cluster *cluster = cluster_new (team);

          g_ptr_array_add (clusters, cluster);
          g_hash_table_insert (cluster_of, team, cluster);
        }
    }

  /* Spokes of hubs already placed go near them, first.  Each team is
   * taken out of @new_teams as it is seen, so that it is placed once. */
  for (guint i = 0; i < teams->len; i++)
    {
      PwTeam *team = g_ptr_array_index (teams, i);
      PwTeam *hub;
      Box box;

      if (g_hash_table_contains (cluster_of, team) || !g_hash_table_remove (new_teams, team))
        continue;

      hub = pw_org_map_get_hub_of (map, team);
      if (hub != NULL && g_hash_table_contains (cluster_of, hub))
        {
          g_ptr_array_add (((Cluster *) g_hash_table_lookup (cluster_of, hub))->spokes, team);
          continue;
        }

      if (hub != NULL)
        {
          RingCursor *cursor = g_hash_table_lookup (cursors, hub);

          if (cursor == NULL)
            {
              cursor = g_new0 (RingCursor, 1);
              g_hash_table_insert (cursors, hub, cursor);
            }

          if (find_place_around (&space, team, hub, cursor, &box))
            {
              place_team_in_box (&space, team, &box);
              continue;
            }
        }

      g_ptr_array_add (rest, team);
    }

  /* The rest goes in rows below everything placed */
  for (guint i = 0; i < space.boxes->len; i++)
    {
      const Box *box = &g_array_index (space.boxes, Box, i);

      bounds.x0 = MIN (bounds.x0, box->x0);
      bounds.y0 = MIN (bounds.y0, box->y0);
      bounds.x1 = MAX (bounds.x1, box->x1);
      bounds.y1 = MAX (bounds.y1, box->y1);
    }
  if (space.boxes->len == 0)
    bounds = (Box) { 0, 0, 0, -2 * SPACING };

  shelf.left = shelf.x = bounds.x0;
  shelf.y = bounds.y1 + 2 * SPACING;
  shelf.width = MAX (bounds.x1 - bounds.x0, 2000);

  for (guint i = 0; i < clusters->len; i++)
    {
      Cluster *cluster = g_ptr_array_index (clusters, i);
      int side, x, y;

      cluster_measure (cluster);
      side = 2 * cluster->reach;
      shelf_take (&shelf, side, side, &x, &y);
      cluster_place (cluster, x + cluster->reach, y + cluster->reach);
    }

  for (guint i = 0; i < rest->len; i++)
    {
      PwTeam *team = g_ptr_array_index (rest, i);
      int width, height, x, y;

      pw_team_get_size (team, &width, &height);
      shelf_take (&shelf, width, height, &x, &y);
      pw_team_set_x (team, clamp_coordinate ((gint64) x + width / 2));
      pw_team_set_y (team, clamp_coordinate ((gint64) y + height / 2));
    }
}

/* ------------------------------------------------------------------------
 * Tidying
 */

static int
snap (int value)
{
  return clamp_coordinate ((gint64) floor ((double) value / GRID + 0.5) * GRID);
}

/* How far @box must move along one axis to clear @other by @gap, away
 * from it, in whole grid steps */
static int
clearance (int box_start,
           int box_end,
           int other_start,
           int other_end,
           int direction)
{
  int distance = direction > 0 ? other_end + GRID - box_start : box_end + GRID - other_start;

  return direction * ((distance + GRID - 1) / GRID) * GRID;
}

/**
 * pw_org_layout_tidy:
 * @map: an organization map
 *
 * Tidies the map and keeps its arrangement: snaps every team's centre to
 * a grid of %PW_ORG_LAYOUT_GRID units, then, in the order of the teams,
 * moves each team that overlaps one before it away from it, in grid steps,
 * until no two teams overlap (they are at least one grid step apart).
 * Only x and y change: the caller makes that one edit.
 */
void
pw_org_layout_tidy (PwOrgMap *map)
{
  g_auto(SpaceIndex) space = { NULL, NULL };
  GListModel *teams;

  g_return_if_fail (PW_IS_ORG_MAP (map));

  space_init (&space);
  teams = pw_org_map_get_teams (map);
  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(PwTeam) team = g_list_model_get_item (teams, i);
      int width, height, dx = 0, dy = 0;
      const Box *other;
      Box box;

      pw_team_get_size (team, &width, &height);
      box = box_at (snap (pw_team_get_x (team)), snap (pw_team_get_y (team)), width, height);

      /* The first team in the way decides the direction: away from it,
       * along the axis where they overlap least.  Keeping to it, the team
       * clears every team in the way after a finite number of steps. */
      while ((other = space_find_clash (&space, &box, GRID)) != NULL)
        {
          if (dx == 0 && dy == 0)
            {
              gint64 cx = (gint64) box.x0 + box.x1 - other->x0 - other->x1;
              gint64 cy = (gint64) box.y0 + box.y1 - other->y0 - other->y1;
              gint64 overlap_x = MIN (box.x1, other->x1) - MAX (box.x0, other->x0);
              gint64 overlap_y = MIN (box.y1, other->y1) - MAX (box.y0, other->y0);

              if (overlap_x * (other->y1 - other->y0) < overlap_y * (other->x1 - other->x0))
                dx = cx < 0 ? -1 : 1;
              else
                dy = cy < 0 ? -1 : 1;
            }

          if (dx != 0)
            {
              int shift = clearance (box.x0, box.x1, other->x0, other->x1, dx);

              box.x0 += shift;
              box.x1 += shift;
            }
          else
            {
              int shift = clearance (box.y0, box.y1, other->y0, other->y1, dy);

              box.y0 += shift;
              box.y1 += shift;
            }
        }

      place_team_in_box (&space, team, &box);
    }
}

/**
 * pw_org_layout_find_overlap:
 * @map: an organization map
 * @a: (out) (optional) (transfer none): the first of two teams that overlap
 * @b: (out) (optional) (transfer none): the second, later in the order of
 *   the teams
 *
 * Looks for two teams whose shapes (their bounding boxes) overlap.
 *
 * Returns: whether it found two
 */
gboolean
pw_org_layout_find_overlap (PwOrgMap  *map,
                            PwTeam   **a,
                            PwTeam   **b)
{
  g_auto(SpaceIndex) space = { NULL, NULL };
  g_autoptr(GPtrArray) placed = NULL;
  GListModel *teams;

  g_return_val_if_fail (PW_IS_ORG_MAP (map), FALSE);

  space_init (&space);
  placed = g_ptr_array_new_with_free_func (g_object_unref);
  teams = pw_org_map_get_teams (map);
  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    {
      PwTeam *team = g_list_model_get_item (teams, i);
      Box box = team_box (team);
      const Box *other = space_find_clash (&space, &box, 0);

      g_ptr_array_add (placed, team);
      if (other != NULL)
        {
          if (a != NULL)
            *a = g_ptr_array_index (placed, other - &g_array_index (space.boxes, Box, 0));
          if (b != NULL)
            *b = team;
          return TRUE;
        }
      space_add (&space, &box);
    }

  if (a != NULL)
    *a = NULL;
  if (b != NULL)
    *b = NULL;

  return FALSE;
}
