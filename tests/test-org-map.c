/* test-org-map.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The organization map: which model it shows, where its teams go, and
 * undo and redo of every edit of it.
 *
 *   /phasewise/org-map/model/…           a hand-made map for each model and each map between two
 *   /phasewise/org-map/model-texts       every model is named, explained, with fit, pros and cons
 *   /phasewise/org-map/neighbours        a spoke's hub and a team's linked teams, in team order
 *   /phasewise/org-map/layout/clusters   hubs amid their spokes, each spoke nearest its own hub
 *   /phasewise/org-map/layout/random     random maps: no overlap, spokes nearest their hubs
 *   /phasewise/org-map/layout/large      2,000 teams laid out in under a second
 *   /phasewise/org-map/layout/new-teams  new teams placed, none other moved, none overlapping
 *   /phasewise/org-map/layout/tidy       snapped to the grid, pushed apart, the rest kept
 *   /phasewise/org-map/history/labels    what undo takes back, in words
 *   /phasewise/org-map/history/random    any sequence of edits undone and redone, byte for byte
 *   /phasewise/org-map/history/delete    a team with assessments and links: saved, loaded, undone
 *
 * Environment: PW_TEST_QUICK=1 runs fewer random rounds and skips the
 * timing (valgrind and the sanitizers are many times slower).
 */

#define G_LOG_DOMAIN "test-org-map"

#include "config.h"

#include <math.h>

#include "pw-test-core.h"

/* ------------------------------------------------------------------------
 * Helpers
 */

static PwTeam *
add_team (PwOrgMap   *map,
          const char *id,
          PwTeamKind  kind,
          int         smes)
{
  g_autoptr(PwTeam) team = pw_team_new (id, kind, id);

  pw_team_set_smes (team, smes);
  pw_org_map_add_team (map, team);

  return team;
}

static void
link_ids (PwOrgMap   *map,
          const char *from,
          const char *to)
{
  g_assert_nonnull (pw_org_map_link_teams (map, from, to));
}

static PwOrgModel
model_of (PwOrgMap *map)
{
  return pw_org_map_detect_model (map);
}

static double
distance (PwTeam *a,
          PwTeam *b)
{
  return hypot (pw_team_get_x (a) - pw_team_get_x (b), pw_team_get_y (a) - pw_team_get_y (b));
}

static PwTeam *
team_at (PwOrgMap *map,
         guint     i)
{
  PwTeam *team = g_list_model_get_item (pw_org_map_get_teams (map), i);

  g_object_unref (team);

  return team;
}

static guint
n_teams (PwOrgMap *map)
{
  return g_list_model_get_n_items (pw_org_map_get_teams (map));
}

/* ------------------------------------------------------------------------
 * Model recognition: docs/org-models.md has a row for each case
 */

static void
test_model_none (void)
{
  g_autoptr(PwOrgMap) map = pw_org_map_new ();

  g_assert_cmpint (model_of (map), ==, PW_ORG_MODEL_NONE);
}

static void
test_model_decentralized (void)
{
  g_autoptr(PwOrgMap) map = pw_org_map_new ();

  add_team (map, "pr", PW_TEAM_SPOKE, 2);
  add_team (map, "sales", PW_TEAM_SPOKE, 0);
  add_team (map, "service", PW_TEAM_SPOKE, 1);
  g_assert_cmpint (model_of (map), ==, PW_ORG_MODEL_DECENTRALIZED);
}

static void
test_model_centralized (void)
{
  g_autoptr(PwOrgMap) map = pw_org_map_new ();

  add_team (map, "comms", PW_TEAM_HUB, 0);
  g_assert_cmpint (model_of (map), ==, PW_ORG_MODEL_CENTRALIZED);
}

static void
test_model_hub_and_spoke (void)
{
  g_autoptr(PwOrgMap) map = pw_org_map_new ();

  add_team (map, "coe", PW_TEAM_HUB, 0);
  add_team (map, "pr", PW_TEAM_SPOKE, 0);
  add_team (map, "sales", PW_TEAM_SPOKE, 3);
  add_team (map, "service", PW_TEAM_SPOKE, 0);
  link_ids (map, "coe", "pr");
  link_ids (map, "sales", "coe");
  link_ids (map, "coe", "service");
  g_assert_cmpint (model_of (map), ==, PW_ORG_MODEL_HUB_AND_SPOKE);
}

static void
test_model_multiple (void)
{
  g_autoptr(PwOrgMap) map = pw_org_map_new ();

  add_team (map, "emea", PW_TEAM_HUB, 0);
  add_team (map, "americas", PW_TEAM_HUB, 0);
  add_team (map, "germany", PW_TEAM_SPOKE, 0);
  add_team (map, "france", PW_TEAM_SPOKE, 0);
  add_team (map, "brazil", PW_TEAM_SPOKE, 0);
  link_ids (map, "emea", "germany");
  link_ids (map, "emea", "france");
  link_ids (map, "americas", "brazil");
  g_assert_cmpint (model_of (map), ==, PW_ORG_MODEL_MULTIPLE_HUB_AND_SPOKE);

  /* Linked to each other, the hubs still each have their own spokes */
  link_ids (map, "emea", "americas");
  g_assert_cmpint (model_of (map), ==, PW_ORG_MODEL_MULTIPLE_HUB_AND_SPOKE);
}

/* A hub and three spokes that engage experts and work with each other */
static PwOrgMap *
holistic_map (void)
{
  PwOrgMap *map = pw_org_map_new ();

  add_team (map, "hub", PW_TEAM_HUB, 0);
  add_team (map, "a", PW_TEAM_SPOKE, 4);
  add_team (map, "b", PW_TEAM_SPOKE, 4);
  add_team (map, "c", PW_TEAM_SPOKE, 4);
  link_ids (map, "hub", "a");
  link_ids (map, "hub", "b");
  link_ids (map, "hub", "c");
  link_ids (map, "a", "b");
  link_ids (map, "b", "c");

  return map;
}

static void
test_model_holistic (void)
{
  g_autoptr(PwOrgMap) map = holistic_map ();

  g_assert_cmpint (model_of (map), ==, PW_ORG_MODEL_HOLISTIC);
}

/* A hub with no spokes beside spokes that act on their own: the hub
 * coordinates no one, so the organization is decentralized. */
static void
test_model_idle_hub (void)
{
  g_autoptr(PwOrgMap) map = pw_org_map_new ();

  add_team (map, "hub", PW_TEAM_HUB, 0);
  add_team (map, "a", PW_TEAM_SPOKE, 0);
  add_team (map, "b", PW_TEAM_SPOKE, 0);
  g_assert_cmpint (model_of (map), ==, PW_ORG_MODEL_DECENTRALIZED);

  /* Several hubs, linked to one another and to no spoke: the same */
  add_team (map, "hub2", PW_TEAM_HUB, 0);
  link_ids (map, "hub", "hub2");
  g_assert_cmpint (model_of (map), ==, PW_ORG_MODEL_DECENTRALIZED);
}

/* One spoke alone: one unit started on its own, no hub */
static void
test_model_single_spoke (void)
{
  g_autoptr(PwOrgMap) map = pw_org_map_new ();

  add_team (map, "a", PW_TEAM_SPOKE, 0);
  g_assert_cmpint (model_of (map), ==, PW_ORG_MODEL_DECENTRALIZED);
}

/* Spokes that work with each other but with no hub are not coordinated
 * by a centre, however engaged they are */
static void
test_model_peers_only (void)
{
  g_autoptr(PwOrgMap) map = pw_org_map_new ();

  add_team (map, "a", PW_TEAM_SPOKE, 5);
  add_team (map, "b", PW_TEAM_SPOKE, 5);
  add_team (map, "c", PW_TEAM_SPOKE, 5);
  link_ids (map, "a", "b");
  link_ids (map, "b", "c");
  link_ids (map, "c", "a");
  g_assert_cmpint (model_of (map), ==, PW_ORG_MODEL_DECENTRALIZED);

  /* A hub beside them that coordinates none of them changes nothing */
  add_team (map, "hub", PW_TEAM_HUB, 0);
  g_assert_cmpint (model_of (map), ==, PW_ORG_MODEL_DECENTRALIZED);
}

/* Hubs only, linked or not: the central teams do the work */
static void
test_model_hubs_only (void)
{
  g_autoptr(PwOrgMap) map = pw_org_map_new ();

  add_team (map, "comms", PW_TEAM_HUB, 0);
  add_team (map, "marketing", PW_TEAM_HUB, 0);
  g_assert_cmpint (model_of (map), ==, PW_ORG_MODEL_CENTRALIZED);
  link_ids (map, "comms", "marketing");
  g_assert_cmpint (model_of (map), ==, PW_ORG_MODEL_CENTRALIZED);
}

/* Two hubs linked to each other, one of them with all the spokes: one hub
 * and spoke, with a partner hub */
static void
test_model_second_hub_without_spokes (void)
{
  g_autoptr(PwOrgMap) map = pw_org_map_new ();

  add_team (map, "coe", PW_TEAM_HUB, 0);
  add_team (map, "legal", PW_TEAM_HUB, 0);
  add_team (map, "a", PW_TEAM_SPOKE, 0);
  add_team (map, "b", PW_TEAM_SPOKE, 0);
  link_ids (map, "coe", "legal");
  link_ids (map, "coe", "a");
  link_ids (map, "b", "coe");
  g_assert_cmpint (model_of (map), ==, PW_ORG_MODEL_HUB_AND_SPOKE);

  /* A spoke linked to both hubs counts for the first in team order */
  link_ids (map, "legal", "a");
  g_assert_cmpint (model_of (map), ==, PW_ORG_MODEL_HUB_AND_SPOKE);

  /* A spoke of the second hub alone makes two clusters */
  add_team (map, "c", PW_TEAM_SPOKE, 0);
  link_ids (map, "legal", "c");
  g_assert_cmpint (model_of (map), ==, PW_ORG_MODEL_MULTIPLE_HUB_AND_SPOKE);
}

/* A spoke linked to several hubs counts for the first of them in the
 * order of the teams, whatever the order of the links */
static void
test_model_first_hub (void)
{
  g_autoptr(PwOrgMap) map = pw_org_map_new ();

  add_team (map, "hub1", PW_TEAM_HUB, 0);
  add_team (map, "hub2", PW_TEAM_HUB, 0);
  add_team (map, "a", PW_TEAM_SPOKE, 0);
  add_team (map, "b", PW_TEAM_SPOKE, 0);
  link_ids (map, "a", "hub2");
  link_ids (map, "hub1", "a");
  link_ids (map, "b", "hub1");
  g_assert_cmpint (model_of (map), ==, PW_ORG_MODEL_HUB_AND_SPOKE);

  pw_org_map_unlink_teams (map, "b", "hub1");
  link_ids (map, "b", "hub2");
  g_assert_cmpint (model_of (map), ==, PW_ORG_MODEL_MULTIPLE_HUB_AND_SPOKE);
}

/* Some spokes coordinated, others not yet: hub and spoke */
static void
test_model_partly_linked (void)
{
  g_autoptr(PwOrgMap) map = pw_org_map_new ();

  add_team (map, "hub", PW_TEAM_HUB, 0);
  add_team (map, "a", PW_TEAM_SPOKE, 0);
  add_team (map, "b", PW_TEAM_SPOKE, 0);
  add_team (map, "c", PW_TEAM_SPOKE, 0);
  link_ids (map, "hub", "a");
  g_assert_cmpint (model_of (map), ==, PW_ORG_MODEL_HUB_AND_SPOKE);

  /* One spoke and its hub */
  {
    g_autoptr(PwOrgMap) pair = pw_org_map_new ();

    add_team (pair, "hub", PW_TEAM_HUB, 0);
    add_team (pair, "a", PW_TEAM_SPOKE, 9);
    link_ids (pair, "hub", "a");
    g_assert_cmpint (model_of (pair), ==, PW_ORG_MODEL_HUB_AND_SPOKE);
  }
}

/* The holistic map and what it takes to stay one */
static void
test_model_holistic_edges (void)
{
  /* A spoke linked to no hub but working with a peer that is: still part
   * of the coordinated whole */
  {
    g_autoptr(PwOrgMap) map = holistic_map ();

    add_team (map, "d", PW_TEAM_SPOKE, 2);
    link_ids (map, "c", "d");
    g_assert_cmpint (model_of (map), ==, PW_ORG_MODEL_HOLISTIC);
  }

  /* A spoke linked to nothing at all: someone is left out */
  {
    g_autoptr(PwOrgMap) map = holistic_map ();

    add_team (map, "d", PW_TEAM_SPOKE, 2);
    g_assert_cmpint (model_of (map), ==, PW_ORG_MODEL_HUB_AND_SPOKE);
  }

  /* Two spokes linked only to each other and to no hub: not reached */
  {
    g_autoptr(PwOrgMap) map = holistic_map ();

    add_team (map, "d", PW_TEAM_SPOKE, 2);
    add_team (map, "e", PW_TEAM_SPOKE, 2);
    link_ids (map, "d", "e");
    g_assert_cmpint (model_of (map), ==, PW_ORG_MODEL_HUB_AND_SPOKE);
  }

  /* A spoke that engages no experts */
  {
    g_autoptr(PwOrgMap) map = holistic_map ();

    pw_team_set_smes (pw_org_map_find_team (map, "b"), 0);
    g_assert_cmpint (model_of (map), ==, PW_ORG_MODEL_HUB_AND_SPOKE);
  }

  /* A spoke that works with no peer */
  {
    g_autoptr(PwOrgMap) map = holistic_map ();

    pw_org_map_unlink_teams (map, "a", "b");
    g_assert_cmpint (model_of (map), ==, PW_ORG_MODEL_HUB_AND_SPOKE);
  }

  /* Two spokes are too few */
  {
    g_autoptr(PwOrgMap) map = holistic_map ();

    pw_org_map_remove_team (map, pw_org_map_find_team (map, "c"));
    g_assert_cmpint (model_of (map), ==, PW_ORG_MODEL_HUB_AND_SPOKE);
  }

  /* Several hubs, every spoke engaged and meshed: holistic wins */
  {
    g_autoptr(PwOrgMap) map = holistic_map ();

    add_team (map, "hub2", PW_TEAM_HUB, 0);
    add_team (map, "d", PW_TEAM_SPOKE, 1);
    link_ids (map, "hub2", "d");
    link_ids (map, "d", "a");
    g_assert_cmpint (model_of (map), ==, PW_ORG_MODEL_HOLISTIC);
  }
}

static void
test_model_texts (void)
{
  for (PwOrgModel model = PW_ORG_MODEL_NONE; model <= PW_ORG_MODEL_HOLISTIC; model++)
    {
      const char *texts[] = {
        pw_org_model_get_description (model),
        pw_org_model_get_next_step (model),
        pw_org_model_get_fit (model),
        pw_org_model_get_pros (model),
        pw_org_model_get_cons (model),
      };

      g_assert_nonnull (pw_org_model_get_name (model));
      for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
        {
          g_assert_nonnull (texts[i]);
          g_assert_cmpuint (strlen (texts[i]), >, 40);
          g_assert_cmpuint (strlen (texts[i]), <, 300);
          g_assert_true (g_utf8_validate (texts[i], -1, NULL));
        }

      /* Each says something of its own */
      for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
        for (guint j = i + 1; j < G_N_ELEMENTS (texts); j++)
          g_assert_cmpstr (texts[i], !=, texts[j]);
    }
}

static void
test_neighbours (void)
{
  g_autoptr(PwOrgMap) map = pw_org_map_new ();
  g_autoptr(GPtrArray) linked = NULL;
  PwTeam *h1 = add_team (map, "h1", PW_TEAM_HUB, 0);
  PwTeam *s1 = add_team (map, "s1", PW_TEAM_SPOKE, 0);
  PwTeam *h2 = add_team (map, "h2", PW_TEAM_HUB, 0);
  PwTeam *s2 = add_team (map, "s2", PW_TEAM_SPOKE, 0);

  g_assert_null (pw_org_map_get_hub_of (map, s1));
  g_assert_null (pw_org_map_get_hub_of (map, h1));

  /* Linked to h2 first, then to h1: h1 comes first among the teams */
  link_ids (map, "s1", "h2");
  g_assert_true (pw_org_map_get_hub_of (map, s1) == h2);
  link_ids (map, "h1", "s1");
  link_ids (map, "s2", "s1");
  g_assert_true (pw_org_map_get_hub_of (map, s1) == h1);
  g_assert_null (pw_org_map_get_hub_of (map, h2));
  g_assert_null (pw_org_map_get_hub_of (map, s2));

  linked = pw_org_map_get_linked_teams (map, s1);
  g_assert_cmpuint (linked->len, ==, 3);
  g_assert_true (g_ptr_array_index (linked, 0) == h1);
  g_assert_true (g_ptr_array_index (linked, 1) == h2);
  g_assert_true (g_ptr_array_index (linked, 2) == s2);
  g_clear_pointer (&linked, g_ptr_array_unref);

  /* Removing h1 removes its link: s1's hub is h2 again */
  g_object_ref (h1);
  pw_org_map_remove_team (map, h1);
  g_assert_true (pw_org_map_get_hub_of (map, s1) == h2);
  linked = pw_org_map_get_linked_teams (map, h1);
  g_assert_cmpuint (linked->len, ==, 0);
  g_clear_pointer (&linked, g_ptr_array_unref);

  /* Put back at its place (as undo does), without its links */
  pw_org_map_insert_team (map, 0, h1);
  g_assert_true (team_at (map, 0) == h1);
  g_assert_true (pw_org_map_get_hub_of (map, s1) == h2);
  link_ids (map, "s1", "h1");
  g_assert_true (pw_org_map_get_hub_of (map, s1) == h1);
  g_object_unref (h1);

  linked = pw_org_map_get_linked_teams (map, s2);
  g_assert_cmpuint (linked->len, ==, 1);
  g_assert_true (g_ptr_array_index (linked, 0) == s1);
}

/* ------------------------------------------------------------------------
 * Layout
 */

static void
assert_no_overlap (PwOrgMap *map)
{
  PwTeam *a = NULL, *b = NULL;

  if (pw_org_layout_find_overlap (map, &a, &b))
    g_error ("“%s” at %d, %d overlaps “%s” at %d, %d", pw_team_get_name (a),
             pw_team_get_x (a), pw_team_get_y (a), pw_team_get_name (b), pw_team_get_x (b),
             pw_team_get_y (b));
}

/* The gap between the boxes of two teams along the axis where they are
 * apart: negative when they overlap */
static int
gap_between (PwTeam *a,
             PwTeam *b)
{
  int wa, ha, wb, hb;
  int gap_x, gap_y;

  pw_team_get_size (a, &wa, &ha);
  pw_team_get_size (b, &wb, &hb);
  gap_x = abs (pw_team_get_x (a) - pw_team_get_x (b)) - (wa + wb) / 2;
  gap_y = abs (pw_team_get_y (a) - pw_team_get_y (b)) - (ha + hb) / 2;

  return MAX (gap_x, gap_y);
}

/* Every two teams at least @spacing apart; quadratic, for small maps */
static void
assert_spacing (PwOrgMap *map,
                int       spacing)
{
  for (guint i = 0; i < n_teams (map); i++)
    for (guint j = i + 1; j < n_teams (map); j++)
      g_assert_cmpint (gap_between (team_at (map, i), team_at (map, j)), >=, spacing);
}

/* Every spoke with a hub is nearer it than any other hub */
static void
assert_spokes_near_their_hubs (PwOrgMap *map)
{
  g_autoptr(GPtrArray) hubs = g_ptr_array_new ();

  for (guint i = 0; i < n_teams (map); i++)
    if (pw_team_get_kind (team_at (map, i)) == PW_TEAM_HUB)
      g_ptr_array_add (hubs, team_at (map, i));

  for (guint i = 0; i < n_teams (map); i++)
    {
      PwTeam *spoke = team_at (map, i);
      PwTeam *hub = pw_org_map_get_hub_of (map, spoke);
      double own;

      if (hub == NULL)
        continue;

      own = distance (spoke, hub);
      for (guint j = 0; j < hubs->len; j++)
        if (g_ptr_array_index (hubs, j) != hub)
          g_assert_cmpfloat (own, <, distance (spoke, g_ptr_array_index (hubs, j)));
    }
}

static void
assert_laid_out_well (PwOrgMap *map)
{
  assert_no_overlap (map);
  assert_spokes_near_their_hubs (map);
}

static void
test_layout_clusters (void)
{
  g_autoptr(PwOrgMap) map = pw_org_map_new ();
  const guint sizes[] = { 1, 7, 30, 0 };
  char id[32];

  for (guint h = 0; h < G_N_ELEMENTS (sizes); h++)
    {
      g_snprintf (id, sizeof id, "hub-%u", h);
      add_team (map, id, PW_TEAM_HUB, 0);
    }
  for (guint h = 0; h < G_N_ELEMENTS (sizes); h++)
    for (guint s = 0; s < sizes[h]; s++)
      {
        char hub_id[32];

        g_snprintf (id, sizeof id, "spoke-%u-%u", h, s);
        g_snprintf (hub_id, sizeof hub_id, "hub-%u", h);
        add_team (map, id, PW_TEAM_SPOKE, 0);
        link_ids (map, hub_id, id);
      }
  /* Hubs linked to each other; a spoke of two hubs; peers; loose teams */
  link_ids (map, "hub-0", "hub-1");
  link_ids (map, "hub-3", "hub-2");
  link_ids (map, "spoke-2-5", "hub-1");
  link_ids (map, "spoke-2-5", "spoke-2-6");
  add_team (map, "loose-spoke", PW_TEAM_SPOKE, 0);
  add_team (map, "loose-hub", PW_TEAM_HUB, 0);
  add_team (map, "pair-a", PW_TEAM_SPOKE, 0);
  add_team (map, "pair-b", PW_TEAM_SPOKE, 0);
  link_ids (map, "pair-a", "pair-b");

  pw_org_layout_all (map);
  assert_laid_out_well (map);
  assert_spacing (map, PW_ORG_LAYOUT_SPACING);

  /* Each hub is in the middle of its spokes */
  for (guint h = 0; h < G_N_ELEMENTS (sizes); h++)
    {
      PwTeam *hub;
      double sum_x = 0, sum_y = 0;
      guint count = 0;

      g_snprintf (id, sizeof id, "hub-%u", h);
      hub = pw_org_map_find_team (map, id);
      for (guint i = 0; i < n_teams (map); i++)
        if (pw_org_map_get_hub_of (map, team_at (map, i)) == hub)
          {
            sum_x += pw_team_get_x (team_at (map, i));
            sum_y += pw_team_get_y (team_at (map, i));
            count++;
          }

      if (count < 2)
        continue;

      g_assert_cmpfloat (fabs (sum_x / count - pw_team_get_x (hub)), <, 2);
      g_assert_cmpfloat (fabs (sum_y / count - pw_team_get_y (hub)), <, 2);
    }

  /* The spokes of hub-1 go round it in the order of the teams, starting at
   * the top */
  {
    PwTeam *hub = pw_org_map_find_team (map, "hub-1");
    PwTeam *top = pw_org_map_find_team (map, "spoke-1-0");

    g_assert_cmpint (pw_team_get_x (top), ==, pw_team_get_x (hub));
    g_assert_cmpint (pw_team_get_y (top), <, pw_team_get_y (hub));
  }

  /* The loose teams stand beside the clusters */
  for (guint i = 0; i < n_teams (map); i++)
    if (pw_org_map_get_hub_of (map, team_at (map, i)) != NULL)
      g_assert_cmpint (pw_team_get_x (team_at (map, i)), <,
                       pw_team_get_x (pw_org_map_find_team (map, "loose-spoke")));

  /* Laid out again, nothing moves */
  {
    g_autoptr(GArray) before = g_array_new (FALSE, FALSE, sizeof (int));

    for (guint i = 0; i < n_teams (map); i++)
      {
        int x = pw_team_get_x (team_at (map, i)), y = pw_team_get_y (team_at (map, i));

        g_array_append_val (before, x);
        g_array_append_val (before, y);
      }
    pw_org_layout_all (map);
    for (guint i = 0; i < n_teams (map); i++)
      {
        g_assert_cmpint (pw_team_get_x (team_at (map, i)), ==, g_array_index (before, int, 2 * i));
        g_assert_cmpint (pw_team_get_y (team_at (map, i)), ==,
                         g_array_index (before, int, 2 * i + 1));
      }
  }
}

/* A random map of @n teams: about one hub in @hub_share, each spoke linked
 * to a random hub or to nothing, some spokes to each other */
static PwOrgMap *
random_map (GRand *rand,
            guint  n,
            guint  hub_share)
{
  PwOrgMap *map = pw_org_map_new ();
  g_autoptr(GPtrArray) hubs = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    {
      char id[32];
      gboolean hub = i == 0 || g_rand_int_range (rand, 0, hub_share) == 0;
      PwTeam *team;

      g_snprintf (id, sizeof id, "t%u", i);
      team = add_team (map, id, hub ? PW_TEAM_HUB : PW_TEAM_SPOKE, 0);
      pw_team_set_x (team, g_rand_int_range (rand, -500, 500));
      pw_team_set_y (team, g_rand_int_range (rand, -500, 500));
      if (hub)
        {
          g_ptr_array_add (hubs, team);
          continue;
        }

      switch (g_rand_int_range (rand, 0, 6))
        {
        case 0:  /* loose */
          break;
        case 1:  /* a peer of an earlier team */
          pw_org_map_link_teams (map, id,
                                 pw_team_get_id (team_at (map, g_rand_int_range (rand, 0, i))));
          break;
        case 2:  /* two hubs */
          pw_org_map_link_teams (map, id, pw_team_get_id (g_ptr_array_index (
            hubs, g_rand_int_range (rand, 0, hubs->len))));
          G_GNUC_FALLTHROUGH;
        default:
          pw_org_map_link_teams (map, id, pw_team_get_id (g_ptr_array_index (
            hubs, g_rand_int_range (rand, 0, hubs->len))));
        }
    }

  return map;
}

static void
test_layout_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  guint rounds = pw_test_quick () ? 4 : 40;

  for (guint round = 0; round < rounds; round++)
    {
      g_autoptr(PwOrgMap) map = random_map (rand, g_rand_int_range (rand, 1, 80),
                                            g_rand_int_range (rand, 2, 15));

      pw_org_layout_all (map);
      assert_laid_out_well (map);
      assert_spacing (map, PW_ORG_LAYOUT_SPACING);

      /* Tidy keeps a laid-out map apart */
      pw_org_layout_tidy (map);
      assert_no_overlap (map);
    }
}

static void
test_layout_large (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2000);
  g_autoptr(PwOrgMap) map = random_map (rand, 2000, 50);
  gint64 start, elapsed;

  start = g_get_monotonic_time ();
  pw_org_layout_all (map);
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("2,000 teams laid out in %.1f ms", elapsed / 1000.0);

  assert_laid_out_well (map);

  /* The issue asks for well under a second; valgrind and the sanitizers
   * are many times slower, and measure memory, not time. */
  if (!pw_test_quick ())
    g_assert_cmpint (elapsed, <, G_USEC_PER_SEC);

  start = g_get_monotonic_time ();
  pw_org_layout_tidy (map);
  g_test_message ("… and tidied in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
  assert_no_overlap (map);
}

static void
test_layout_new_teams (void)
{
  g_autoptr(PwOrgMap) map = pw_org_map_new ();
  g_autoptr(GPtrArray) added = g_ptr_array_new ();
  g_autoptr(GArray) before = g_array_new (FALSE, FALSE, sizeof (int));
  guint n_old;
  char id[32];

  add_team (map, "hub", PW_TEAM_HUB, 0);
  for (guint i = 0; i < 7; i++)
    {
      g_snprintf (id, sizeof id, "old-%u", i);
      add_team (map, id, PW_TEAM_SPOKE, 0);
      link_ids (map, "hub", id);
    }
  pw_org_layout_all (map);
  n_old = n_teams (map);
  for (guint i = 0; i < n_old; i++)
    {
      int x = pw_team_get_x (team_at (map, i)), y = pw_team_get_y (team_at (map, i));

      g_array_append_val (before, x);
      g_array_append_val (before, y);
    }

  /* New spokes of the old hub; a new hub with new spokes; loose teams,
   * all piled where an import leaves them */
  for (guint i = 0; i < 12; i++)
    {
      g_snprintf (id, sizeof id, "new-%u", i);
      g_ptr_array_add (added, add_team (map, id, PW_TEAM_SPOKE, 0));
      link_ids (map, "hub", id);
    }
  g_ptr_array_add (added, add_team (map, "new-hub", PW_TEAM_HUB, 0));
  for (guint i = 0; i < 5; i++)
    {
      g_snprintf (id, sizeof id, "new-hub-spoke-%u", i);
      g_ptr_array_add (added, add_team (map, id, PW_TEAM_SPOKE, 0));
      link_ids (map, "new-hub", id);
    }
  g_ptr_array_add (added, add_team (map, "new-loose", PW_TEAM_SPOKE, 0));
  g_ptr_array_add (added, add_team (map, "new-loose-hub", PW_TEAM_HUB, 0));
  /* Named twice: placed once */
  g_ptr_array_add (added, pw_org_map_find_team (map, "new-0"));

  pw_org_layout_teams (map, added);
  assert_no_overlap (map);
  assert_spacing (map, PW_ORG_LAYOUT_SPACING);

  for (guint i = 0; i < n_old; i++)
    {
      g_assert_cmpint (pw_team_get_x (team_at (map, i)), ==, g_array_index (before, int, 2 * i));
      g_assert_cmpint (pw_team_get_y (team_at (map, i)), ==,
                       g_array_index (before, int, 2 * i + 1));
    }

  /* The new spokes of the old hub are near it: within a few rings */
  for (guint i = 0; i < 12; i++)
    {
      g_snprintf (id, sizeof id, "new-%u", i);
      g_assert_cmpfloat (distance (pw_org_map_find_team (map, id),
                                   pw_org_map_find_team (map, "hub")), <, 1000);
    }

  /* The new hub is amid its spokes, below the old map */
  {
    PwTeam *hub = pw_org_map_find_team (map, "new-hub");

    for (guint i = 0; i < 5; i++)
      {
        g_snprintf (id, sizeof id, "new-hub-spoke-%u", i);
        g_assert_true (pw_org_map_get_hub_of (map, pw_org_map_find_team (map, id)) == hub);
        g_assert_cmpfloat (distance (pw_org_map_find_team (map, id), hub), <, 300);
      }
    for (guint i = 0; i < n_old; i++)
      g_assert_cmpint (pw_team_get_y (hub), >, pw_team_get_y (team_at (map, i)));
  }

  /* A map of new teams only */
  {
    g_autoptr(PwOrgMap) fresh = pw_org_map_new ();
    g_autoptr(GPtrArray) all = g_ptr_array_new ();

    g_ptr_array_add (all, add_team (fresh, "h", PW_TEAM_HUB, 0));
    for (guint i = 0; i < 40; i++)
      {
        g_snprintf (id, sizeof id, "s%u", i);
        g_ptr_array_add (all, add_team (fresh, id, PW_TEAM_SPOKE, 0));
        if (i % 3 != 0)
          link_ids (fresh, "h", id);
      }
    pw_org_layout_teams (fresh, all);
    assert_no_overlap (fresh);
  }
}

static void
test_layout_tidy (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20);
  g_autoptr(PwOrgMap) map = pw_org_map_new ();
  PwTeam *apart_hub, *apart_spoke;
  guint piles = pw_test_quick () ? 30 : 200;

  /* Two teams far from the rest and on the grid: they stay */
  apart_hub = add_team (map, "apart-hub", PW_TEAM_HUB, 0);
  pw_team_set_x (apart_hub, -4000);
  pw_team_set_y (apart_hub, -4000);
  apart_spoke = add_team (map, "apart-spoke", PW_TEAM_SPOKE, 0);
  pw_team_set_x (apart_spoke, -4000);
  pw_team_set_y (apart_spoke, -3700);

  /* Many teams piled in a small space, some exactly on top of each other */
  for (guint i = 0; i < piles; i++)
    {
      char id[32];
      PwTeam *team;

      g_snprintf (id, sizeof id, "pile-%u", i);
      team = add_team (map, id, g_rand_int_range (rand, 0, 4) == 0 ? PW_TEAM_HUB : PW_TEAM_SPOKE,
                       0);
      pw_team_set_x (team, i % 5 == 0 ? 0 : g_rand_int_range (rand, -300, 300));
      pw_team_set_y (team, i % 5 == 0 ? 0 : g_rand_int_range (rand, -300, 300));
    }

  pw_org_layout_tidy (map);
  assert_no_overlap (map);
  assert_spacing (map, PW_ORG_LAYOUT_GRID);
  for (guint i = 0; i < n_teams (map); i++)
    {
      g_assert_cmpint (pw_team_get_x (team_at (map, i)) % PW_ORG_LAYOUT_GRID, ==, 0);
      g_assert_cmpint (pw_team_get_y (team_at (map, i)) % PW_ORG_LAYOUT_GRID, ==, 0);
    }
  g_assert_cmpint (pw_team_get_x (apart_hub), ==, -4000);
  g_assert_cmpint (pw_team_get_y (apart_hub), ==, -4000);
  g_assert_cmpint (pw_team_get_x (apart_spoke), ==, -4000);
  g_assert_cmpint (pw_team_get_y (apart_spoke), ==, -3700);

  /* Off the grid by a little: snapped to the nearest point */
  pw_team_set_x (apart_hub, -4009);
  pw_team_set_y (apart_hub, -3991);
  pw_org_layout_tidy (map);
  g_assert_cmpint (pw_team_get_x (apart_hub), ==, -4000);
  g_assert_cmpint (pw_team_get_y (apart_hub), ==, -4000);

  /* Tidy again: nothing moves */
  {
    g_autoptr(GArray) before = g_array_new (FALSE, FALSE, sizeof (int));

    for (guint i = 0; i < n_teams (map); i++)
      {
        int x = pw_team_get_x (team_at (map, i)), y = pw_team_get_y (team_at (map, i));

        g_array_append_val (before, x);
        g_array_append_val (before, y);
      }
    pw_org_layout_tidy (map);
    for (guint i = 0; i < n_teams (map); i++)
      {
        g_assert_cmpint (pw_team_get_x (team_at (map, i)), ==, g_array_index (before, int, 2 * i));
        g_assert_cmpint (pw_team_get_y (team_at (map, i)), ==,
                         g_array_index (before, int, 2 * i + 1));
      }
  }
}

/* ------------------------------------------------------------------------
 * Undo and redo
 */

typedef struct
{
  PwWorkbook *workbook;
  PwOrgMap   *map;
  PwHistory  *history;
  PwRecorder *recorder;
  gint64      now;
} Fixture;

static gint64
fake_clock (gpointer user_data)
{
  Fixture *fixture = user_data;

  return fixture->now;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(PwFramework) framework = NULL;
  g_autoptr(GError) error = NULL;

  framework = pw_framework_load_bundled (&error);
  g_assert_no_error (error);
  fixture->workbook = pw_workbook_new (framework);
  pw_workbook_set_name (fixture->workbook, "Example Corp");
  fixture->map = pw_workbook_get_org_map (fixture->workbook);
  fixture->now = 1000 * G_USEC_PER_SEC;
}

/* Starts recording: what the workbook holds now is where undo stops */
static void
fixture_record (Fixture *fixture)
{
  fixture->history = pw_history_new ();
  pw_history_set_clock (fixture->history, fake_clock, fixture);
  fixture->recorder = pw_recorder_new (fixture->workbook, fixture->history);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_assert_finalize_object (fixture->recorder);
  g_assert_finalize_object (fixture->history);
  g_assert_finalize_object (fixture->workbook);
}

static void
assert_bytes_equal (GBytes *a,
                    GBytes *b)
{
  if (!g_bytes_equal (a, b))
    {
      g_test_message ("expected:\n%.*s", (int) g_bytes_get_size (a),
                      (const char *) g_bytes_get_data (a, NULL));
      g_test_message ("got:\n%.*s", (int) g_bytes_get_size (b),
                      (const char *) g_bytes_get_data (b, NULL));
      g_assert_not_reached ();
    }
}

/* The workbook serialized, and loaded again: it must be a valid file */
static GBytes *
snapshot (PwWorkbook *workbook)
{
  GBytes *bytes = pw_workbook_serialize (workbook);
  g_autoptr(GError) error = NULL;
  g_autoptr(PwWorkbook) again = pw_workbook_load_from_bytes (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (again);

  return bytes;
}

static void
test_history_labels (Fixture       *fixture,
                     gconstpointer  user_data)
{
  PwTeam *hub, *spoke, *other;
  PwTeam *both[2];

  fixture_record (fixture);

  hub = pw_workbook_add_team (fixture->workbook, PW_TEAM_HUB, NULL, 0, 0);
  g_assert_cmpstr (pw_history_get_undo_label (fixture->history), ==, "Add Hub");
  g_assert_cmpstr (pw_team_get_name (hub), ==, "New Hub");
  spoke = pw_workbook_add_team (fixture->workbook, PW_TEAM_SPOKE, "Sales", 300, 0);
  g_assert_cmpstr (pw_history_get_undo_label (fixture->history), ==, "Add Spoke");
  g_assert_cmpstr (pw_team_get_id (spoke), !=, pw_team_get_id (hub));
  g_assert_cmpint (pw_team_get_x (spoke), ==, 300);
  other = pw_workbook_add_team (fixture->workbook, PW_TEAM_SPOKE, "PR", 0, 300);

  pw_org_map_link_teams (fixture->map, pw_team_get_id (hub), pw_team_get_id (spoke));
  g_assert_cmpstr (pw_history_get_undo_label (fixture->history), ==, "Connect Teams");
  pw_org_map_unlink_teams (fixture->map, pw_team_get_id (hub), pw_team_get_id (spoke));
  g_assert_cmpstr (pw_history_get_undo_label (fixture->history), ==, "Disconnect Teams");

  fixture->now += 10 * G_USEC_PER_SEC;
  pw_team_set_name (spoke, "Sales EMEA");
  g_assert_cmpstr (pw_history_get_undo_label (fixture->history), ==, "Team name");
  pw_team_set_function (spoke, "Sales");
  g_assert_cmpstr (pw_history_get_undo_label (fixture->history), ==, "Team function");
  pw_team_set_region (spoke, "EMEA");
  g_assert_cmpstr (pw_history_get_undo_label (fixture->history), ==, "Team region");
  pw_team_set_headcount (spoke, 3);
  g_assert_cmpstr (pw_history_get_undo_label (fixture->history), ==, "Team headcount");
  pw_team_set_smes (spoke, 12);
  g_assert_cmpstr (pw_history_get_undo_label (fixture->history), ==, "Subject-matter experts");
  {
    const char * const channels[] = { "LinkedIn", "Mastodon", NULL };
    guint steps;

    pw_team_set_channels (spoke, channels);
    g_assert_cmpstr (pw_history_get_undo_label (fixture->history), ==, "Team channels");
    steps = pw_history_get_n_undo (fixture->history);
    /* The same channels again are no change */
    fixture->now += 10 * G_USEC_PER_SEC;
    pw_team_set_channels (spoke, channels);
    g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, steps);
  }
  pw_team_set_notes (spoke, "Runs the regional accounts");
  g_assert_cmpstr (pw_history_get_undo_label (fixture->history), ==, "Team notes");
  pw_team_set_kind (other, PW_TEAM_HUB);
  g_assert_cmpstr (pw_history_get_undo_label (fixture->history), ==, "Team kind");
  pw_team_set_x (other, 40);
  g_assert_cmpstr (pw_history_get_undo_label (fixture->history), ==, "Team position");

  both[0] = spoke;
  both[1] = other;
  pw_workbook_move_teams (fixture->workbook, both, 1, 20, 0);
  g_assert_cmpstr (pw_history_get_undo_label (fixture->history), ==, "Move Team");
  pw_workbook_move_teams (fixture->workbook, both, 2, 20, -20);
  g_assert_cmpstr (pw_history_get_undo_label (fixture->history), ==, "Move Teams");
  g_assert_cmpint (pw_team_get_x (spoke), ==, 340);
  g_assert_cmpint (pw_team_get_y (other), ==, 280);
  g_assert_true (pw_history_undo (fixture->history));
  g_assert_cmpint (pw_team_get_x (spoke), ==, 320);
  g_assert_cmpint (pw_team_get_y (other), ==, 300);
  g_assert_true (pw_history_redo (fixture->history));

  /* Moved out of the map's range: kept at its edge */
  pw_workbook_move_teams (fixture->workbook, both, 1, G_MAXINT, 0);
  g_assert_cmpint (pw_team_get_x (spoke), ==, PW_TEAM_MAX_COORDINATE);

  pw_workbook_delete_teams (fixture->workbook, both, 1);
  g_assert_cmpstr (pw_history_get_undo_label (fixture->history), ==, "Delete Team");
  g_assert_true (pw_history_undo (fixture->history));
  pw_workbook_delete_teams (fixture->workbook, both, 2);
  g_assert_cmpstr (pw_history_get_undo_label (fixture->history), ==, "Delete 2 Teams");

  /* Removed through the map, with a link: one step, undone whole */
  g_assert_true (pw_history_undo (fixture->history));
  g_assert_true (pw_org_map_find_team (fixture->map, pw_team_get_id (spoke)) == spoke);
  g_assert_nonnull (pw_org_map_link_teams (fixture->map, pw_team_get_id (hub),
                                           pw_team_get_id (spoke)));
  {
    guint steps = pw_history_get_n_undo (fixture->history);

    pw_org_map_remove_team (fixture->map, spoke);
    g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, steps + 1);
    g_assert_cmpstr (pw_history_get_undo_label (fixture->history), ==, "Delete Team");
    g_assert_true (pw_history_undo (fixture->history));
    g_assert_true (pw_org_map_find_team (fixture->map, pw_team_get_id (spoke)) == spoke);
    g_assert_true (pw_org_map_has_link (fixture->map, pw_team_get_id (hub),
                                        pw_team_get_id (spoke)));
    g_assert_true (pw_org_map_get_hub_of (fixture->map, spoke) == hub);
    g_assert_true (pw_history_redo (fixture->history));
    g_assert_null (pw_org_map_find_team (fixture->map, pw_team_get_id (spoke)));
    g_assert_false (pw_org_map_has_link (fixture->map, pw_team_get_id (hub),
                                         pw_team_get_id (spoke)));
  }
}

/* Some teams and links, an assessment of a team and a report about it,
 * before recording starts */
static void
add_starting_map (Fixture *fixture)
{
  PwAssessment *assessment;
  g_autoptr(PwReportDraft) report = pw_report_draft_new ("report-1");

  pw_workbook_add_team (fixture->workbook, PW_TEAM_HUB, "Hub", 0, 0);
  pw_workbook_add_team (fixture->workbook, PW_TEAM_SPOKE, "Sales", 300, 0);
  pw_workbook_add_team (fixture->workbook, PW_TEAM_SPOKE, "PR", -300, 0);
  pw_org_map_link_teams (fixture->map, "team-1", "team-2");
  pw_org_map_link_teams (fixture->map, "team-3", "team-1");
  assessment = pw_workbook_start_assessment (fixture->workbook, "team-2");
  pw_answer_set_phase (pw_assessment_ensure_answer (assessment, "listening-1"), 3);
  pw_workbook_start_assessment (fixture->workbook, "team-2");
  pw_workbook_start_assessment (fixture->workbook, NULL);
  pw_report_draft_set_assessment_id (report, pw_assessment_get_id (assessment));
  pw_workbook_add_report (fixture->workbook, report);
}

static PwTeam *
random_team (GRand    *rand,
             PwOrgMap *map)
{
  guint n = n_teams (map);

  return n > 0 ? team_at (map, g_rand_int_range (rand, 0, n)) : NULL;
}

/* One random edit of the map, of the kind a user makes */
static void
random_edit (Fixture *fixture,
             GRand   *rand)
{
  PwWorkbook *workbook = fixture->workbook;
  PwOrgMap *map = fixture->map;
  PwTeam *team = random_team (rand, map);
  PwTeam *other = random_team (rand, map);

  switch (g_rand_int_range (rand, 0, 13))
    {
    case 0:
    case 1:
      pw_workbook_add_team (workbook, g_rand_boolean (rand) ? PW_TEAM_HUB : PW_TEAM_SPOKE,
                            NULL, g_rand_int_range (rand, -2000, 2000),
                            g_rand_int_range (rand, -2000, 2000));
      break;

    case 2:
      {
        PwTeam *teams[3] = { team, other, random_team (rand, map) };

        if (team != NULL)
          pw_workbook_delete_teams (workbook, teams, g_rand_int_range (rand, 1, 4));
      }
      break;

    case 3:
      if (team != NULL)
        {
          g_autofree char *name = g_strdup_printf ("Team %u", g_rand_int (rand));

          pw_team_set_name (team, name);
        }
      break;

    case 4:
      {
        PwTeam *teams[2] = { team, other };

        if (team != NULL)
          pw_workbook_move_teams (workbook, teams, team == other ? 1 : 2,
                                  g_rand_int_range (rand, -200, 200),
                                  g_rand_int_range (rand, -200, 200));
      }
      break;

    case 5:
    case 6:
      if (team != NULL && team != other)
        pw_org_map_link_teams (map, pw_team_get_id (team), pw_team_get_id (other));
      break;

    case 7:
      {
        GListModel *links = pw_org_map_get_links (map);
        guint n = g_list_model_get_n_items (links);

        if (n > 0)
          {
            g_autoptr(PwLink) link = g_list_model_get_item (links, g_rand_int_range (rand, 0, n));

            pw_org_map_remove_link (map, link);
          }
      }
      break;

    case 8:
      pw_workbook_begin_edit (workbook, "Arrange Teams");
      pw_org_layout_all (map);
      pw_workbook_end_edit (workbook);
      break;

    case 9:
      pw_workbook_begin_edit (workbook, "Tidy Up");
      pw_org_layout_tidy (map);
      pw_workbook_end_edit (workbook);
      break;

    case 10:
      if (team != NULL)
        {
          const char * const channels[] = { "LinkedIn", "Instagram", NULL };

          switch (g_rand_int_range (rand, 0, 6))
            {
            case 0:
              pw_team_set_function (team, g_rand_boolean (rand) ? "PR" : NULL);
              break;
            case 1:
              pw_team_set_region (team, g_rand_boolean (rand) ? "EMEA" : "APAC");
              break;
            case 2:
              pw_team_set_headcount (team, g_rand_int_range (rand, 0, 50));
              break;
            case 3:
              pw_team_set_smes (team, g_rand_int_range (rand, 0, 50));
              break;
            case 4:
              pw_team_set_channels (team, g_rand_boolean (rand) ? channels : NULL);
              break;
            default:
              pw_team_set_notes (team, g_rand_boolean (rand) ? "Line one\nLine two" : "");
            }
        }
      break;

    case 11:
      if (team != NULL)
        pw_team_set_kind (team, pw_team_get_kind (team) == PW_TEAM_HUB ? PW_TEAM_SPOKE
                                                                       : PW_TEAM_HUB);
      break;

    default:
      if (team != NULL)
        pw_workbook_start_assessment (workbook, pw_team_get_id (team));
    }
}

static void
test_history_random (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (10);
  g_autoptr(GPtrArray) snapshots = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  guint edits = pw_test_quick () ? 60 : 300;

  add_starting_map (fixture);
  fixture_record (fixture);
  g_ptr_array_add (snapshots, snapshot (fixture->workbook));

  /* Each edit is at most one step (a second apart: typing does not merge
   * them); the workbook after each step is kept */
  for (guint i = 0; i < edits && pw_history_get_n_undo (fixture->history) < PW_HISTORY_MAX_STEPS;
       i++)
    {
      guint steps = pw_history_get_n_undo (fixture->history);

      fixture->now += 3 * G_USEC_PER_SEC;
      pw_workbook_begin_edit (fixture->workbook, "Random edit");
      random_edit (fixture, rand);
      pw_workbook_end_edit (fixture->workbook);

      if (pw_history_get_n_undo (fixture->history) > steps)
        g_ptr_array_add (snapshots, pw_workbook_serialize (fixture->workbook));
      else
        {
          g_autoptr(GBytes) now = pw_workbook_serialize (fixture->workbook);

          /* No step, no change */
          assert_bytes_equal (g_ptr_array_index (snapshots, snapshots->len - 1), now);
        }
    }
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, snapshots->len - 1);
  g_assert_cmpuint (snapshots->len, >, edits / 2);

  /* Undone step by step, each state comes back byte for byte, and is a
   * file that loads */
  for (guint i = snapshots->len - 1; i > 0; i--)
    {
      g_autoptr(GBytes) now = NULL;

      g_assert_true (pw_history_undo (fixture->history));
      now = snapshot (fixture->workbook);
      assert_bytes_equal (g_ptr_array_index (snapshots, i - 1), now);
    }
  g_assert_false (pw_history_get_can_undo (fixture->history));

  for (guint i = 1; i < snapshots->len; i++)
    {
      g_autoptr(GBytes) now = NULL;

      g_assert_true (pw_history_redo (fixture->history));
      now = pw_workbook_serialize (fixture->workbook);
      assert_bytes_equal (g_ptr_array_index (snapshots, i), now);
    }
  g_assert_false (pw_history_get_can_redo (fixture->history));
}

static void
test_history_delete (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PwWorkbook) loaded = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  PwTeam *sales;
  PwReportDraft *report;

  add_starting_map (fixture);
  fixture_record (fixture);
  before = snapshot (fixture->workbook);

  sales = pw_org_map_find_team (fixture->map, "team-2");
  g_assert_cmpuint (pw_workbook_count_team_assessments (fixture->workbook, "team-2"), ==, 2);
  g_assert_cmpuint (pw_workbook_count_team_assessments (fixture->workbook, "team-3"), ==, 0);

  pw_workbook_delete_teams (fixture->workbook, &sales, 1);
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 1);
  g_assert_cmpstr (pw_history_get_undo_label (fixture->history), ==, "Delete Team");
  g_assert_null (pw_org_map_find_team (fixture->map, "team-2"));
  g_assert_false (pw_org_map_has_link (fixture->map, "team-1", "team-2"));
  g_assert_true (pw_org_map_has_link (fixture->map, "team-1", "team-3"));
  g_assert_cmpuint (g_list_model_get_n_items (pw_workbook_get_assessments (fixture->workbook)),
                    ==, 1);
  report = pw_workbook_find_report (fixture->workbook, "report-1");
  g_assert_null (pw_report_draft_get_assessment_id (report));

  /* Saved and loaded again: the file is valid, and holds the same */
  after = pw_workbook_serialize (fixture->workbook);
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  path = g_build_filename (g_get_user_data_dir (), "deleted.phasewise", NULL);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (after, NULL),
                                      (gssize) g_bytes_get_size (after), &error));
  g_assert_no_error (error);
  file = g_file_new_for_path (path);
  loaded = pw_workbook_load (file, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GBytes) again = pw_workbook_serialize (loaded);

    assert_bytes_equal (after, again);
  }

  g_assert_true (pw_history_undo (fixture->history));
  {
    g_autoptr(GBytes) undone = snapshot (fixture->workbook);

    assert_bytes_equal (before, undone);
  }
  g_assert_true (pw_org_map_find_team (fixture->map, "team-2") == sales);
  g_assert_cmpuint (pw_workbook_count_team_assessments (fixture->workbook, "team-2"), ==, 2);

  g_assert_true (pw_history_redo (fixture->history));
  {
    g_autoptr(GBytes) redone = pw_workbook_serialize (fixture->workbook);

    assert_bytes_equal (after, redone);
  }
}

static void
add_history_test (const char *path,
                  void      (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/phasewise/org-map/model/none", test_model_none);
  g_test_add_func ("/phasewise/org-map/model/decentralized", test_model_decentralized);
  g_test_add_func ("/phasewise/org-map/model/centralized", test_model_centralized);
  g_test_add_func ("/phasewise/org-map/model/hub-and-spoke", test_model_hub_and_spoke);
  g_test_add_func ("/phasewise/org-map/model/multiple", test_model_multiple);
  g_test_add_func ("/phasewise/org-map/model/holistic", test_model_holistic);
  g_test_add_func ("/phasewise/org-map/model/idle-hub", test_model_idle_hub);
  g_test_add_func ("/phasewise/org-map/model/single-spoke", test_model_single_spoke);
  g_test_add_func ("/phasewise/org-map/model/peers-only", test_model_peers_only);
  g_test_add_func ("/phasewise/org-map/model/hubs-only", test_model_hubs_only);
  g_test_add_func ("/phasewise/org-map/model/second-hub", test_model_second_hub_without_spokes);
  g_test_add_func ("/phasewise/org-map/model/first-hub", test_model_first_hub);
  g_test_add_func ("/phasewise/org-map/model/partly-linked", test_model_partly_linked);
  g_test_add_func ("/phasewise/org-map/model/holistic-edges", test_model_holistic_edges);
  g_test_add_func ("/phasewise/org-map/model-texts", test_model_texts);
  g_test_add_func ("/phasewise/org-map/neighbours", test_neighbours);
  g_test_add_func ("/phasewise/org-map/layout/clusters", test_layout_clusters);
  g_test_add_func ("/phasewise/org-map/layout/random", test_layout_random);
  g_test_add_func ("/phasewise/org-map/layout/large", test_layout_large);
  g_test_add_func ("/phasewise/org-map/layout/new-teams", test_layout_new_teams);
  g_test_add_func ("/phasewise/org-map/layout/tidy", test_layout_tidy);
  add_history_test ("/phasewise/org-map/history/labels", test_history_labels);
  add_history_test ("/phasewise/org-map/history/random", test_history_random);
  add_history_test ("/phasewise/org-map/history/delete", test_history_delete);

  return g_test_run ();
}
