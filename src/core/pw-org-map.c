/* pw-org-map.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-org-map"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pw-org-map.h"

/**
 * PwOrgMap:
 *
 * The map of the organization's social media teams: hubs and spokes, and
 * the links between them.  Links are undirected: a link between a hub and a
 * spoke means the hub coordinates the spoke.  Two teams have one link at
 * most, and a link always joins two teams of the map: removing a team
 * removes its links.
 */
struct _PwOrgMap
{
  GObject     parent_instance;

  GListStore *teams;
  GHashTable *team_by_id;   /* id → PwTeam, borrowed from @teams */
  GListStore *links;        /* PwLink */
  GHashTable *link_by_key;  /* link_key () → PwLink, borrowed from @links */
};

G_DEFINE_FINAL_TYPE (PwOrgMap, pw_org_map, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
pw_org_map_finalize (GObject *object)
{
  PwOrgMap *self = (PwOrgMap *)object;

  g_clear_pointer (&self->team_by_id, g_hash_table_unref);
  g_clear_pointer (&self->link_by_key, g_hash_table_unref);
  g_clear_object (&self->teams);
  g_clear_object (&self->links);

  G_OBJECT_CLASS (pw_org_map_parent_class)->finalize (object);
}

static void
pw_org_map_class_init (PwOrgMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pw_org_map_finalize;

  /**
   * PwOrgMap::changed:
   *
   * Emitted after a team was added, removed or edited, or a link changed.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
pw_org_map_init (PwOrgMap *self)
{
  self->teams = g_list_store_new (PW_TYPE_TEAM);
  self->team_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->links = g_list_store_new (PW_TYPE_LINK);
  self->link_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

PwOrgMap *
pw_org_map_new (void)
{
  return g_object_new (PW_TYPE_ORG_MAP, NULL);
}

static void
emit_changed (PwOrgMap *self)
{
  g_signal_emit (self, signals [CHANGED], 0);
}

/* The same key for both directions of a link. */
static char *
link_key (const char *from,
          const char *to)
{
  if (strcmp (from, to) > 0)
    return g_strconcat (to, "\n", from, NULL);

  return g_strconcat (from, "\n", to, NULL);
}

/* Takes @link at @position out of the index and the list, without
 * emitting #PwOrgMap::changed. */
static void
forget_link (PwOrgMap *self,
             PwLink   *link,
             guint     position)
{
  g_autofree char *key = link_key (pw_link_get_from (link), pw_link_get_to (link));

  g_hash_table_remove (self->link_by_key, key);
  g_list_store_remove (self->links, position);
}

/**
 * pw_org_map_get_teams:
 *
 * Returns: (transfer none): a #GListModel of #PwTeam
 */
GListModel *
pw_org_map_get_teams (PwOrgMap *self)
{
  g_return_val_if_fail (PW_IS_ORG_MAP (self), NULL);

  return G_LIST_MODEL (self->teams);
}

/**
 * pw_org_map_find_team:
 *
 * Returns: (transfer none) (nullable): the team with @id
 */
PwTeam *
pw_org_map_find_team (PwOrgMap   *self,
                      const char *id)
{
  g_return_val_if_fail (PW_IS_ORG_MAP (self), NULL);

  return id ? g_hash_table_lookup (self->team_by_id, id) : NULL;
}

/**
 * pw_org_map_new_team_id:
 *
 * Returns: (transfer full): an id no team of the map has yet
 */
char *
pw_org_map_new_team_id (PwOrgMap *self)
{
  g_return_val_if_fail (PW_IS_ORG_MAP (self), NULL);

  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->teams)) + 1;; i++)
    {
      g_autofree char *id = g_strdup_printf ("team-%u", i);

      if (pw_org_map_find_team (self, id) == NULL)
        return g_steal_pointer (&id);
    }
}

static void
team_notify_cb (PwOrgMap   *self,
                GParamSpec *pspec,
                PwTeam     *team)
{
  emit_changed (self);
}

void
pw_org_map_add_team (PwOrgMap *self,
                     PwTeam   *team)
{
  g_return_if_fail (PW_IS_ORG_MAP (self));
  g_return_if_fail (PW_IS_TEAM (team));
  g_return_if_fail (pw_org_map_find_team (self, pw_team_get_id (team)) == NULL);

  g_signal_connect_object (team, "notify", G_CALLBACK (team_notify_cb), self,
                           G_CONNECT_SWAPPED);
  g_hash_table_insert (self->team_by_id, (gpointer) pw_team_get_id (team), team);
  g_list_store_append (self->teams, team);
  emit_changed (self);
}

/**
 * pw_org_map_remove_team:
 *
 * Removes @team and every link it has.
 */
void
pw_org_map_remove_team (PwOrgMap *self,
                        PwTeam   *team)
{
  const char *id;
  guint position;

  g_return_if_fail (PW_IS_ORG_MAP (self));
  g_return_if_fail (PW_IS_TEAM (team));

  if (!g_list_store_find (self->teams, team, &position))
    return;

  id = pw_team_get_id (team);
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->links)); i > 0; i--)
    {
      g_autoptr(PwLink) link = g_list_model_get_item (G_LIST_MODEL (self->links), i - 1);

      if (pw_link_connects (link, id))
        forget_link (self, link, i - 1);
    }

  g_signal_handlers_disconnect_by_func (team, team_notify_cb, self);
  g_hash_table_remove (self->team_by_id, id);
  g_list_store_remove (self->teams, position);
  emit_changed (self);
}

/**
 * pw_org_map_get_links:
 *
 * Returns: (transfer none): a #GListModel of #PwLink, in the order they were
 *   added
 */
GListModel *
pw_org_map_get_links (PwOrgMap *self)
{
  g_return_val_if_fail (PW_IS_ORG_MAP (self), NULL);

  return G_LIST_MODEL (self->links);
}

/**
 * pw_org_map_find_link:
 *
 * Returns: (transfer none) (nullable): the link between the teams @from and
 *   @to, in either direction
 */
PwLink *
pw_org_map_find_link (PwOrgMap   *self,
                      const char *from,
                      const char *to)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (PW_IS_ORG_MAP (self), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  key = link_key (from, to);

  return g_hash_table_lookup (self->link_by_key, key);
}

gboolean
pw_org_map_has_link (PwOrgMap   *self,
                     const char *from,
                     const char *to)
{
  return pw_org_map_find_link (self, from, to) != NULL;
}

/**
 * pw_org_map_add_link:
 * @link: a link between two different teams of the map
 *
 * Adds @link, which may be one removed before (to undo the removal).
 *
 * Returns: %TRUE when @link was added; %FALSE when the two teams are linked
 *   already
 */
gboolean
pw_org_map_add_link (PwOrgMap *self,
                     PwLink   *link)
{
  const char *from, *to;
  g_autofree char *key = NULL;

  g_return_val_if_fail (PW_IS_ORG_MAP (self), FALSE);
  g_return_val_if_fail (PW_IS_LINK (link), FALSE);

  from = pw_link_get_from (link);
  to = pw_link_get_to (link);
  g_return_val_if_fail (pw_org_map_find_team (self, from) != NULL, FALSE);
  g_return_val_if_fail (pw_org_map_find_team (self, to) != NULL, FALSE);
  g_return_val_if_fail (g_strcmp0 (from, to) != 0, FALSE);

  key = link_key (from, to);
  if (g_hash_table_contains (self->link_by_key, key))
    return FALSE;

  g_hash_table_insert (self->link_by_key, g_steal_pointer (&key), link);
  g_list_store_append (self->links, link);
  emit_changed (self);

  return TRUE;
}

/**
 * pw_org_map_link_teams:
 * @from: the id of a team of the map
 * @to: the id of another team of the map
 *
 * Links two different teams of the map.
 *
 * Returns: (transfer none) (nullable): the new link, or %NULL when the two
 *   teams are linked already
 */
PwLink *
pw_org_map_link_teams (PwOrgMap   *self,
                       const char *from,
                       const char *to)
{
  g_autoptr(PwLink) link = NULL;

  g_return_val_if_fail (PW_IS_ORG_MAP (self), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  link = pw_link_new (from, to);
  if (!pw_org_map_add_link (self, link))
    return NULL;

  return pw_org_map_find_link (self, from, to);
}

/**
 * pw_org_map_remove_link:
 *
 * Returns: %TRUE when @link was a link of the map and is removed
 */
gboolean
pw_org_map_remove_link (PwOrgMap *self,
                        PwLink   *link)
{
  guint position;

  g_return_val_if_fail (PW_IS_ORG_MAP (self), FALSE);
  g_return_val_if_fail (PW_IS_LINK (link), FALSE);

  if (!g_list_store_find (self->links, link, &position))
    return FALSE;

  forget_link (self, link, position);
  emit_changed (self);

  return TRUE;
}

/**
 * pw_org_map_unlink_teams:
 *
 * Removes the link between the teams @from and @to, in either direction.
 *
 * Returns: %TRUE when there was one
 */
gboolean
pw_org_map_unlink_teams (PwOrgMap   *self,
                         const char *from,
                         const char *to)
{
  PwLink *link;

  g_return_val_if_fail (PW_IS_ORG_MAP (self), FALSE);
  g_return_val_if_fail (from != NULL && to != NULL, FALSE);

  link = pw_org_map_find_link (self, from, to);

  return link != NULL && pw_org_map_remove_link (self, link);
}

/* What the links say about one spoke, for pw_org_map_detect_model(). */
typedef struct
{
  PwTeam   *hub;           /* the first hub in team order linked to it, or NULL */
  guint     hub_position;
  gboolean  peer;          /* linked to another spoke */
} SpokeLinks;

static void
note_hub (SpokeLinks *spoke,
          PwTeam     *other,
          GHashTable *hub_positions)
{
  guint position = GPOINTER_TO_UINT (g_hash_table_lookup (hub_positions, other));

  if (position == 0)
    return;

  if (spoke->hub == NULL || position < spoke->hub_position)
    {
      spoke->hub = other;
      spoke->hub_position = position;
    }
}

/**
 * pw_org_map_detect_model:
 *
 * Recognises which of the five organizational models the map shows.  The
 * rules are documented in docs/org-models.md:
 *
 * - no hub: decentralized;
 * - hubs but no spoke linked to any hub: centralized;
 * - spokes linked to two or more different hubs: multiple hub and spoke;
 * - otherwise hub and spoke;
 * - a hub-and-spoke map (single or multiple) becomes holistic when it has
 *   at least three spokes, every spoke is linked to a hub, engages
 *   subject-matter experts, and also works directly with a peer spoke.
 *
 * A spoke linked to several hubs counts for the first of them in the order
 * of the teams.  The links are read once, so the time grows with the size
 * of the map, not with its square.
 */
PwOrgModel
pw_org_map_detect_model (PwOrgMap *self)
{
  g_autoptr(GHashTable) spokes = NULL;         /* PwTeam → SpokeLinks */
  g_autoptr(GHashTable) hub_positions = NULL;  /* PwTeam → position + 1 */
  g_autoptr(GHashTable) hubs_with_spokes = NULL;
  GListModel *teams, *links;
  GHashTableIter iter;
  PwTeam *spoke;
  SpokeLinks *info;
  guint n, linked = 0;
  gboolean mesh = TRUE;

  g_return_val_if_fail (PW_IS_ORG_MAP (self), PW_ORG_MODEL_NONE);

  teams = G_LIST_MODEL (self->teams);
  links = G_LIST_MODEL (self->links);
  n = g_list_model_get_n_items (teams);
  if (n == 0)
    return PW_ORG_MODEL_NONE;

  spokes = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  hub_positions = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwTeam) team = g_list_model_get_item (teams, i);

      if (pw_team_get_kind (team) == PW_TEAM_HUB)
        g_hash_table_insert (hub_positions, team, GUINT_TO_POINTER (i + 1));
      else
        g_hash_table_insert (spokes, team, g_new0 (SpokeLinks, 1));
    }

  if (g_hash_table_size (hub_positions) == 0)
    return PW_ORG_MODEL_DECENTRALIZED;

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(PwLink) link = g_list_model_get_item (links, i);
      PwTeam *a = pw_org_map_find_team (self, pw_link_get_from (link));
      PwTeam *b = pw_org_map_find_team (self, pw_link_get_to (link));
      SpokeLinks *spoke_a = g_hash_table_lookup (spokes, a);
      SpokeLinks *spoke_b = g_hash_table_lookup (spokes, b);

      if (spoke_a != NULL && spoke_b != NULL)
        spoke_a->peer = spoke_b->peer = TRUE;
      else if (spoke_a != NULL)
        note_hub (spoke_a, b, hub_positions);
      else if (spoke_b != NULL)
        note_hub (spoke_b, a, hub_positions);
    }

  hubs_with_spokes = g_hash_table_new (NULL, NULL);
  g_hash_table_iter_init (&iter, spokes);
  while (g_hash_table_iter_next (&iter, (gpointer *) &spoke, (gpointer *) &info))
    {
      if (info->hub != NULL)
        {
          linked++;
          g_hash_table_add (hubs_with_spokes, info->hub);
        }
      else
        {
          mesh = FALSE;
        }

      if (pw_team_get_smes (spoke) == 0 || !info->peer)
        mesh = FALSE;
    }

  if (linked == 0)
    return PW_ORG_MODEL_CENTRALIZED;

  if (mesh && g_hash_table_size (spokes) >= 3)
    return PW_ORG_MODEL_HOLISTIC;

  if (g_hash_table_size (hubs_with_spokes) >= 2)
    return PW_ORG_MODEL_MULTIPLE_HUB_AND_SPOKE;

  return PW_ORG_MODEL_HUB_AND_SPOKE;
}

const char *
pw_org_model_get_name (PwOrgModel model)
{
  switch (model)
    {
    case PW_ORG_MODEL_NONE:
      return _("No teams yet");
    case PW_ORG_MODEL_DECENTRALIZED:
      return _("Decentralized");
    case PW_ORG_MODEL_CENTRALIZED:
      return _("Centralized");
    case PW_ORG_MODEL_HUB_AND_SPOKE:
      return _("Hub and spoke");
    case PW_ORG_MODEL_MULTIPLE_HUB_AND_SPOKE:
      return _("Multiple hub and spoke");
    case PW_ORG_MODEL_HOLISTIC:
      return _("Holistic");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
pw_org_model_get_description (PwOrgModel model)
{
  switch (model)
    {
    case PW_ORG_MODEL_NONE:
      return _("Add the teams that work on social media to see which organizational model "
               "the map shows.");
    case PW_ORG_MODEL_DECENTRALIZED:
      return _("Social media grows from the edges: each team acts on its own, with no hub to "
               "coordinate. It is fast and close to customers, but voices, tools and risks "
               "are not shared.");
    case PW_ORG_MODEL_CENTRALIZED:
      return _("One team runs all social media for the organization. Messages stay "
               "consistent and controlled, but the team becomes a bottleneck and the rest "
               "of the organization stays out of the conversation.");
    case PW_ORG_MODEL_HUB_AND_SPOKE:
      return _("A central hub, a center of excellence, sets guidelines, tools, training and "
               "measurement, while the spokes in business units, regions and functions hold "
               "the conversations.");
    case PW_ORG_MODEL_MULTIPLE_HUB_AND_SPOKE:
      return _("Several hubs, each for a brand, business unit or region, coordinate their "
               "own spokes and share reporting and resources with one another.");
    case PW_ORG_MODEL_HOLISTIC:
      return _("Social media is everyone’s work: the spokes engage their experts and work "
               "directly with each other, coordinated by the hub rather than routed "
               "through it.");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
pw_org_model_get_next_step (PwOrgModel model)
{
  switch (model)
    {
    case PW_ORG_MODEL_NONE:
      return _("Start with the team that runs the main accounts today, then add the teams "
               "that post, listen or answer customers.");
    case PW_ORG_MODEL_DECENTRALIZED:
      return _("Form a small hub from the pioneers: agree on a policy, a registry of "
               "accounts and shared tools before more teams start on their own.");
    case PW_ORG_MODEL_CENTRALIZED:
      return _("Train and equip the first spokes in the business units that talk to "
               "customers most, and let the central team become their coach.");
    case PW_ORG_MODEL_HUB_AND_SPOKE:
      return _("Give the spokes budgets and targets of their own, and bring in subject-"
               "matter experts so that the hub does not become a help desk.");
    case PW_ORG_MODEL_MULTIPLE_HUB_AND_SPOKE:
      return _("Share one measurement framework and one listening setup across the hubs, "
               "and connect the spokes that serve the same customers.");
    case PW_ORG_MODEL_HOLISTIC:
      return _("Keep training, recognise the practitioners and review governance every "
               "year so that scale does not turn into risk.");
    default:
      g_return_val_if_reached (NULL);
    }
}
