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

typedef struct
{
  char       *from;
  char       *to;
  JsonObject *unknown;  /* members from a newer file, kept on save */
} Link;

/**
 * PwOrgMap:
 *
 * The map of the organization's social media teams: hubs and spokes, and
 * the links between them.  Links are undirected: a link between a hub and a
 * spoke means the hub coordinates the spoke.
 */
struct _PwOrgMap
{
  GObject     parent_instance;

  GListStore *teams;
  GHashTable *team_by_id;  /* id → PwTeam, borrowed from @teams */
  GArray     *links;       /* Link */
  GHashTable *link_keys;   /* link_key () of every link */
};

G_DEFINE_FINAL_TYPE (PwOrgMap, pw_org_map, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
link_clear (Link *link)
{
  g_free (link->from);
  g_free (link->to);
  g_clear_pointer (&link->unknown, json_object_unref);
}

static void
pw_org_map_finalize (GObject *object)
{
  PwOrgMap *self = (PwOrgMap *)object;

  g_clear_pointer (&self->team_by_id, g_hash_table_unref);
  g_clear_pointer (&self->link_keys, g_hash_table_unref);
  g_clear_object (&self->teams);
  g_clear_pointer (&self->links, g_array_unref);

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
  self->links = g_array_new (FALSE, FALSE, sizeof (Link));
  self->link_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_array_set_clear_func (self->links, (GDestroyNotify) link_clear);
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
  for (guint i = self->links->len; i > 0; i--)
    {
      Link *link = &g_array_index (self->links, Link, i - 1);

      if (g_str_equal (link->from, id) || g_str_equal (link->to, id))
        {
          g_autofree char *key = link_key (link->from, link->to);

          g_hash_table_remove (self->link_keys, key);
          g_array_remove_index (self->links, i - 1);
        }
    }

  g_signal_handlers_disconnect_by_func (team, team_notify_cb, self);
  g_hash_table_remove (self->team_by_id, id);
  g_list_store_remove (self->teams, position);
  emit_changed (self);
}

guint
pw_org_map_get_n_links (PwOrgMap *self)
{
  g_return_val_if_fail (PW_IS_ORG_MAP (self), 0);

  return self->links->len;
}

void
pw_org_map_get_link (PwOrgMap    *self,
                     guint        index,
                     const char **from,
                     const char **to)
{
  const Link *link;

  g_return_if_fail (PW_IS_ORG_MAP (self));
  g_return_if_fail (index < self->links->len);

  link = &g_array_index (self->links, Link, index);
  if (from != NULL)
    *from = link->from;
  if (to != NULL)
    *to = link->to;
}

static int
find_link (PwOrgMap   *self,
           const char *from,
           const char *to)
{
  for (guint i = 0; i < self->links->len; i++)
    {
      const Link *link = &g_array_index (self->links, Link, i);

      if ((g_str_equal (link->from, from) && g_str_equal (link->to, to))
          || (g_str_equal (link->from, to) && g_str_equal (link->to, from)))
        return (int) i;
    }

  return -1;
}

gboolean
pw_org_map_has_link (PwOrgMap   *self,
                     const char *from,
                     const char *to)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (PW_IS_ORG_MAP (self), FALSE);
  g_return_val_if_fail (from != NULL && to != NULL, FALSE);

  key = link_key (from, to);

  return g_hash_table_contains (self->link_keys, key);
}

/**
 * pw_org_map_add_link:
 *
 * Links two different teams of the map.
 *
 * Returns: %TRUE when the link was added; %FALSE when it existed already
 */
gboolean
pw_org_map_add_link (PwOrgMap   *self,
                     const char *from,
                     const char *to)
{
  Link link;

  g_return_val_if_fail (PW_IS_ORG_MAP (self), FALSE);
  g_return_val_if_fail (pw_org_map_find_team (self, from) != NULL, FALSE);
  g_return_val_if_fail (pw_org_map_find_team (self, to) != NULL, FALSE);
  g_return_val_if_fail (g_strcmp0 (from, to) != 0, FALSE);

  if (pw_org_map_has_link (self, from, to))
    return FALSE;

  g_hash_table_add (self->link_keys, link_key (from, to));
  link.from = g_strdup (from);
  link.to = g_strdup (to);
  link.unknown = NULL;
  g_array_append_val (self->links, link);
  emit_changed (self);

  return TRUE;
}

gboolean
pw_org_map_remove_link (PwOrgMap   *self,
                        const char *from,
                        const char *to)
{
  g_autofree char *key = NULL;
  int index;

  g_return_val_if_fail (PW_IS_ORG_MAP (self), FALSE);
  g_return_val_if_fail (from != NULL && to != NULL, FALSE);

  index = find_link (self, from, to);
  if (index < 0)
    return FALSE;

  key = link_key (from, to);
  g_hash_table_remove (self->link_keys, key);
  g_array_remove_index (self->links, (guint) index);
  emit_changed (self);

  return TRUE;
}

static gboolean
linked_to_hub (PwOrgMap   *self,
               const char *spoke_id,
               GPtrArray  *hubs,
               PwTeam    **hub_out)
{
  for (guint i = 0; i < hubs->len; i++)
    {
      PwTeam *hub = g_ptr_array_index (hubs, i);

      if (pw_org_map_has_link (self, spoke_id, pw_team_get_id (hub)))
        {
          if (hub_out != NULL)
            *hub_out = hub;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
linked_to_peer_spoke (PwOrgMap   *self,
                      PwTeam     *spoke,
                      GPtrArray  *spokes)
{
  for (guint i = 0; i < spokes->len; i++)
    {
      PwTeam *other = g_ptr_array_index (spokes, i);

      if (other != spoke
          && pw_org_map_has_link (self, pw_team_get_id (spoke), pw_team_get_id (other)))
        return TRUE;
    }

  return FALSE;
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
 */
PwOrgModel
pw_org_map_detect_model (PwOrgMap *self)
{
  g_autoptr(GPtrArray) hubs = g_ptr_array_new ();
  g_autoptr(GPtrArray) spokes = g_ptr_array_new ();
  g_autoptr(GHashTable) hubs_with_spokes = g_hash_table_new (NULL, NULL);
  guint n, linked = 0;
  gboolean mesh = TRUE;

  g_return_val_if_fail (PW_IS_ORG_MAP (self), PW_ORG_MODEL_NONE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->teams));
  if (n == 0)
    return PW_ORG_MODEL_NONE;

  for (guint i = 0; i < n; i++)
    {
      PwTeam *team = g_list_model_get_item (G_LIST_MODEL (self->teams), i);

      g_object_unref (team);  /* the store keeps it alive */
      if (pw_team_get_kind (team) == PW_TEAM_HUB)
        g_ptr_array_add (hubs, team);
      else
        g_ptr_array_add (spokes, team);
    }

  if (hubs->len == 0)
    return PW_ORG_MODEL_DECENTRALIZED;

  for (guint i = 0; i < spokes->len; i++)
    {
      PwTeam *spoke = g_ptr_array_index (spokes, i);
      PwTeam *hub = NULL;

      if (linked_to_hub (self, pw_team_get_id (spoke), hubs, &hub))
        {
          linked++;
          g_hash_table_add (hubs_with_spokes, hub);
        }
      else
        {
          mesh = FALSE;
        }

      if (pw_team_get_smes (spoke) == 0 || !linked_to_peer_spoke (self, spoke, spokes))
        mesh = FALSE;
    }

  if (linked == 0)
    return PW_ORG_MODEL_CENTRALIZED;

  if (mesh && spokes->len >= 3)
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

void
_pw_org_map_set_link_unknown (PwOrgMap   *self,
                              guint       index,
                              JsonObject *unknown)
{
  Link *link;

  g_return_if_fail (PW_IS_ORG_MAP (self));
  g_return_if_fail (index < self->links->len);

  link = &g_array_index (self->links, Link, index);
  g_clear_pointer (&link->unknown, json_object_unref);
  link->unknown = unknown;
}

JsonObject *
_pw_org_map_get_link_unknown (PwOrgMap *self,
                              guint     index)
{
  g_return_val_if_fail (PW_IS_ORG_MAP (self), NULL);
  g_return_val_if_fail (index < self->links->len, NULL);

  return g_array_index (self->links, Link, index).unknown;
}
