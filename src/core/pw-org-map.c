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
 * removes its links, as one edit (#PwOrgMap::begin-edit).
 *
 * Teams and links are kept in lists (the order of the file) and indexed by
 * id, and each team's links are indexed too, so that finding a team, a link
 * or a team's neighbours never walks the whole map.  Every change goes
 * through the map's functions, which keep the lists and the indexes in step;
 * undo and redo use them too (pw_org_map_insert_team(),
 * pw_org_map_insert_link()).
 */
struct _PwOrgMap
{
  GObject     parent_instance;

  GListStore *teams;
  GHashTable *team_by_id;   /* id → PwTeam, borrowed from @teams */
  GListStore *links;        /* PwLink */
  GHashTable *link_by_key;  /* link_key () → PwLink, borrowed from @links */
  GHashTable *links_of;     /* team id → GPtrArray of PwLink, borrowed from @links */
  GHashTable *positions;    /* PwTeam → position + 1, rebuilt when NULL */
};

G_DEFINE_FINAL_TYPE (PwOrgMap, pw_org_map, G_TYPE_OBJECT)

enum {
  CHANGED,
  BEGIN_EDIT,
  END_EDIT,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
pw_org_map_finalize (GObject *object)
{
  PwOrgMap *self = (PwOrgMap *)object;

  g_clear_pointer (&self->team_by_id, g_hash_table_unref);
  g_clear_pointer (&self->link_by_key, g_hash_table_unref);
  g_clear_pointer (&self->links_of, g_hash_table_unref);
  g_clear_pointer (&self->positions, g_hash_table_unref);
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

  /**
   * PwOrgMap::begin-edit:
   * @label: what the edit does, for people
   *
   * Emitted before a change of several steps that is one edit for the
   * user: removing a team with its links.  The workbook makes it one edit
   * of its own (pw_workbook_begin_edit()), so that undo takes it back
   * whole.
   */
  signals [BEGIN_EDIT] =
    g_signal_new ("begin-edit",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * PwOrgMap::end-edit:
   *
   * Emitted after the change that #PwOrgMap::begin-edit started.
   */
  signals [END_EDIT] =
    g_signal_new ("end-edit",
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
  self->links_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_ptr_array_unref);
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

static void
index_link_end (PwOrgMap   *self,
                const char *team_id,
                PwLink     *link)
{
  GPtrArray *links = g_hash_table_lookup (self->links_of, team_id);

  if (links == NULL)
    {
      links = g_ptr_array_new ();
      g_hash_table_insert (self->links_of, g_strdup (team_id), links);
    }
  g_ptr_array_add (links, link);
}

static void
forget_link_end (PwOrgMap   *self,
                 const char *team_id,
                 PwLink     *link)
{
  GPtrArray *links = g_hash_table_lookup (self->links_of, team_id);

  g_assert (links != NULL);
  g_ptr_array_remove (links, link);
  if (links->len == 0)
    g_hash_table_remove (self->links_of, team_id);
}

/* Takes @link at @position out of the indexes and the list, without
 * emitting #PwOrgMap::changed. */
static void
forget_link (PwOrgMap *self,
             PwLink   *link,
             guint     position)
{
  g_autofree char *key = link_key (pw_link_get_from (link), pw_link_get_to (link));

  g_hash_table_remove (self->link_by_key, key);
  forget_link_end (self, pw_link_get_from (link), link);
  forget_link_end (self, pw_link_get_to (link), link);
  g_list_store_remove (self->links, position);
}

/* The position of @team in the list of teams, from an index built once
 * for every change of the list. */
static guint
team_position (PwOrgMap *self,
               PwTeam   *team)
{
  if (self->positions == NULL)
    {
      GListModel *teams = G_LIST_MODEL (self->teams);

      self->positions = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
        {
          PwTeam *item = g_list_model_get_item (teams, i);

          g_hash_table_insert (self->positions, item, GUINT_TO_POINTER (i + 1));
          g_object_unref (item);
        }
    }

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, team)) - 1;
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

  pw_org_map_insert_team (self, g_list_model_get_n_items (G_LIST_MODEL (self->teams)), team);
}

/**
 * pw_org_map_insert_team:
 * @position: where in the list of teams, at most its length
 * @team: a team whose id no team of the map has
 *
 * Adds @team at @position of the list, as undoing its removal does.
 */
void
pw_org_map_insert_team (PwOrgMap *self,
                        guint     position,
                        PwTeam   *team)
{
  g_return_if_fail (PW_IS_ORG_MAP (self));
  g_return_if_fail (PW_IS_TEAM (team));
  g_return_if_fail (position <= g_list_model_get_n_items (G_LIST_MODEL (self->teams)));
  g_return_if_fail (pw_org_map_find_team (self, pw_team_get_id (team)) == NULL);

  g_signal_connect_object (team, "notify", G_CALLBACK (team_notify_cb), self,
                           G_CONNECT_SWAPPED);
  g_hash_table_insert (self->team_by_id, (gpointer) pw_team_get_id (team), team);
  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_list_store_insert (self->teams, position, team);
  emit_changed (self);
}

/**
 * pw_org_map_remove_team:
 *
 * Removes @team and every link it has, as one edit (the links first, so
 * that no link ever names a missing team) and one #PwOrgMap::changed.
 */
void
pw_org_map_remove_team (PwOrgMap *self,
                        PwTeam   *team)
{
  const char *id;
  guint position;

  g_return_if_fail (PW_IS_ORG_MAP (self));
  g_return_if_fail (PW_IS_TEAM (team));

  if (pw_org_map_find_team (self, pw_team_get_id (team)) != team)
    return;

  position = team_position (self, team);
  id = pw_team_get_id (team);

  /* Translators: what undo takes back */
  g_signal_emit (self, signals [BEGIN_EDIT], 0, _("Delete Team"));

  if (g_hash_table_contains (self->links_of, id))
    for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->links)); i > 0; i--)
      {
        g_autoptr(PwLink) link = g_list_model_get_item (G_LIST_MODEL (self->links), i - 1);

        if (pw_link_connects (link, id))
          forget_link (self, link, i - 1);
      }

  g_signal_handlers_disconnect_by_func (team, team_notify_cb, self);
  g_hash_table_remove (self->team_by_id, id);
  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_list_store_remove (self->teams, position);
  emit_changed (self);

  g_signal_emit (self, signals [END_EDIT], 0);
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
 * Adds @link at the end of the list, which may be one removed before.
 *
 * Returns: %TRUE when @link was added; %FALSE when the two teams are linked
 *   already
 */
gboolean
pw_org_map_add_link (PwOrgMap *self,
                     PwLink   *link)
{
  g_return_val_if_fail (PW_IS_ORG_MAP (self), FALSE);

  return pw_org_map_insert_link (self, g_list_model_get_n_items (G_LIST_MODEL (self->links)),
                                 link);
}

/**
 * pw_org_map_insert_link:
 * @position: where in the list of links, at most its length
 * @link: a link between two different teams of the map
 *
 * Adds @link at @position of the list, as undoing its removal does.
 *
 * Returns: %TRUE when @link was added; %FALSE when the two teams are linked
 *   already
 */
gboolean
pw_org_map_insert_link (PwOrgMap *self,
                        guint     position,
                        PwLink   *link)
{
  const char *from, *to;
  g_autofree char *key = NULL;

  g_return_val_if_fail (PW_IS_ORG_MAP (self), FALSE);
  g_return_val_if_fail (PW_IS_LINK (link), FALSE);
  g_return_val_if_fail (position <= g_list_model_get_n_items (G_LIST_MODEL (self->links)),
                        FALSE);

  from = pw_link_get_from (link);
  to = pw_link_get_to (link);
  g_return_val_if_fail (pw_org_map_find_team (self, from) != NULL, FALSE);
  g_return_val_if_fail (pw_org_map_find_team (self, to) != NULL, FALSE);
  g_return_val_if_fail (g_strcmp0 (from, to) != 0, FALSE);

  key = link_key (from, to);
  if (g_hash_table_contains (self->link_by_key, key))
    return FALSE;

  g_hash_table_insert (self->link_by_key, g_steal_pointer (&key), link);
  index_link_end (self, from, link);
  index_link_end (self, to, link);
  g_list_store_insert (self->links, position, link);
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

  if (pw_org_map_find_link (self, pw_link_get_from (link), pw_link_get_to (link)) != link
      || !g_list_store_find (self->links, link, &position))
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

static int
compare_positions (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  PwOrgMap *self = user_data;
  guint pa = team_position (self, *(PwTeam **) a);
  guint pb = team_position (self, *(PwTeam **) b);

  return pa < pb ? -1 : pa > pb;
}

/**
 * pw_org_map_get_linked_teams:
 * @team: a team of the map
 *
 * Returns: (transfer container) (element-type PwTeam): the teams linked to
 *   @team, in the order of the teams
 */
GPtrArray *
pw_org_map_get_linked_teams (PwOrgMap *self,
                             PwTeam   *team)
{
  GPtrArray *linked;
  GPtrArray *links;
  const char *id;

  g_return_val_if_fail (PW_IS_ORG_MAP (self), NULL);
  g_return_val_if_fail (PW_IS_TEAM (team), NULL);

  linked = g_ptr_array_new ();
  id = pw_team_get_id (team);
  links = g_hash_table_lookup (self->links_of, id);
  if (links == NULL || pw_org_map_find_team (self, id) != team)
    return linked;

  for (guint i = 0; i < links->len; i++)
    {
      PwLink *link = g_ptr_array_index (links, i);
      const char *other = g_str_equal (pw_link_get_from (link), id) ? pw_link_get_to (link)
                                                                   : pw_link_get_from (link);

      g_ptr_array_add (linked, pw_org_map_find_team (self, other));
    }
  g_ptr_array_sort_with_data (linked, compare_positions, self);

  return linked;
}

/**
 * pw_org_map_get_hub_of:
 * @team: a team of the map
 *
 * A spoke's hub is the first hub, in the order of the teams, that it is
 * linked to.
 *
 * Returns: (transfer none) (nullable): the hub of @team, or %NULL when
 *   @team is a hub or a spoke linked to no hub
 */
PwTeam *
pw_org_map_get_hub_of (PwOrgMap *self,
                       PwTeam   *team)
{
  GPtrArray *links;
  PwTeam *hub = NULL;
  guint hub_position = G_MAXUINT;
  const char *id;

  g_return_val_if_fail (PW_IS_ORG_MAP (self), NULL);
  g_return_val_if_fail (PW_IS_TEAM (team), NULL);

  if (pw_team_get_kind (team) == PW_TEAM_HUB)
    return NULL;

  id = pw_team_get_id (team);
  links = g_hash_table_lookup (self->links_of, id);
  if (links == NULL || pw_org_map_find_team (self, id) != team)
    return NULL;

  for (guint i = 0; i < links->len; i++)
    {
      PwLink *link = g_ptr_array_index (links, i);
      const char *other_id = g_str_equal (pw_link_get_from (link), id) ? pw_link_get_to (link)
                                                                      : pw_link_get_from (link);
      PwTeam *other = pw_org_map_find_team (self, other_id);
      guint position;

      if (pw_team_get_kind (other) != PW_TEAM_HUB)
        continue;

      position = team_position (self, other);
      if (position < hub_position)
        {
          hub = other;
          hub_position = position;
        }
    }

  return hub;
}

/* Whether every spoke is reached from a hub, directly or through other
 * spokes, for the holistic rule: a spoke that works only with its peers is
 * still part of the coordinated whole. */
static gboolean
every_spoke_reached (PwOrgMap  *self,
                     GPtrArray *spokes)
{
  g_autoptr(GHashTable) reached = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) queue = g_ptr_array_new ();

  for (guint i = 0; i < spokes->len; i++)
    {
      PwTeam *spoke = g_ptr_array_index (spokes, i);

      if (pw_org_map_get_hub_of (self, spoke) != NULL)
        {
          g_hash_table_add (reached, spoke);
          g_ptr_array_add (queue, spoke);
        }
    }

  for (guint i = 0; i < queue->len; i++)
    {
      g_autoptr(GPtrArray) linked = pw_org_map_get_linked_teams (self,
                                                                 g_ptr_array_index (queue, i));

      for (guint j = 0; j < linked->len; j++)
        {
          PwTeam *other = g_ptr_array_index (linked, j);

          if (pw_team_get_kind (other) == PW_TEAM_SPOKE && g_hash_table_add (reached, other))
            g_ptr_array_add (queue, other);
        }
    }

  return g_hash_table_size (reached) == spokes->len;
}

/**
 * pw_org_map_detect_model:
 *
 * Recognises which of the five organizational models the map shows.  The
 * rules, and the maps between two models they decide, are documented in
 * docs/org-models.md:
 *
 * - no teams: none yet;
 * - no hub: decentralized;
 * - hubs and no spoke: centralized;
 * - spokes, but none linked to a hub: decentralized (the hubs coordinate
 *   no one, the spokes act on their own);
 * - holistic: at least three spokes, each engaging subject-matter experts,
 *   each linked directly to another spoke, and each reached from a hub,
 *   directly or through other spokes;
 * - two or more hubs that each have spokes of their own: multiple hub and
 *   spoke;
 * - otherwise hub and spoke.
 *
 * A spoke's hub is the first hub it is linked to, in the order of the
 * teams.  The time grows with the size of the map, not with its square.
 */
PwOrgModel
pw_org_map_detect_model (PwOrgMap *self)
{
  g_autoptr(GPtrArray) spokes = NULL;
  g_autoptr(GHashTable) hubs_with_spokes = NULL;
  GListModel *teams;
  guint n, n_hubs = 0;
  gboolean mesh = TRUE;

  g_return_val_if_fail (PW_IS_ORG_MAP (self), PW_ORG_MODEL_NONE);

  teams = G_LIST_MODEL (self->teams);
  n = g_list_model_get_n_items (teams);
  if (n == 0)
    return PW_ORG_MODEL_NONE;

  spokes = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      PwTeam *team = g_list_model_get_item (teams, i);

      if (pw_team_get_kind (team) == PW_TEAM_HUB)
        {
          n_hubs++;
          g_object_unref (team);
        }
      else
        g_ptr_array_add (spokes, team);
    }

  if (n_hubs == 0)
    return PW_ORG_MODEL_DECENTRALIZED;
  if (spokes->len == 0)
    return PW_ORG_MODEL_CENTRALIZED;

  hubs_with_spokes = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < spokes->len; i++)
    {
      PwTeam *spoke = g_ptr_array_index (spokes, i);
      PwTeam *hub = pw_org_map_get_hub_of (self, spoke);
      g_autoptr(GPtrArray) linked = NULL;
      gboolean peer = FALSE;

      if (hub != NULL)
        g_hash_table_add (hubs_with_spokes, hub);

      if (!mesh)
        continue;

      linked = pw_org_map_get_linked_teams (self, spoke);
      for (guint j = 0; j < linked->len && !peer; j++)
        peer = pw_team_get_kind (g_ptr_array_index (linked, j)) == PW_TEAM_SPOKE;

      if (!peer || pw_team_get_smes (spoke) == 0)
        mesh = FALSE;
    }

  if (g_hash_table_size (hubs_with_spokes) == 0)
    return PW_ORG_MODEL_DECENTRALIZED;

  if (mesh && spokes->len >= 3 && every_spoke_reached (self, spokes))
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

/**
 * pw_org_model_get_fit:
 *
 * Returns: whom the model suits, in one sentence, translated
 */
const char *
pw_org_model_get_fit (PwOrgModel model)
{
  switch (model)
    {
    case PW_ORG_MODEL_NONE:
      return _("Any organization: the map first needs the teams that work on social media.");
    case PW_ORG_MODEL_DECENTRALIZED:
      return _("Suits a start, or an organization whose units are free to act and where "
               "closeness to customers matters more than one voice.");
    case PW_ORG_MODEL_CENTRALIZED:
      return _("Suits a small or single-brand organization, or a regulated one that needs "
               "every message under tight control.");
    case PW_ORG_MODEL_HUB_AND_SPOKE:
      return _("Suits most large organizations that want one standard with local voices in "
               "their business units, regions and functions.");
    case PW_ORG_MODEL_MULTIPLE_HUB_AND_SPOKE:
      return _("Suits multinationals and multi-brand groups, where each brand or region works "
               "like a company of its own.");
    case PW_ORG_MODEL_HOLISTIC:
      return _("Suits an organization with a strong culture of trust, where every employee is "
               "trained to take part.");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * pw_org_model_get_pros:
 *
 * Returns: what speaks for the model, in one short paragraph, translated
 */
const char *
pw_org_model_get_pros (PwOrgModel model)
{
  switch (model)
    {
    case PW_ORG_MODEL_NONE:
      return _("Drawing the map shows who already talks to customers, and where.");
    case PW_ORG_MODEL_DECENTRALIZED:
      return _("Fast and experimental. Many authentic conversations close to products and "
               "customers, with little overhead.");
    case PW_ORG_MODEL_CENTRALIZED:
      return _("One consistent voice and experience, control over risk, and resources used "
               "efficiently in one place.");
    case PW_ORG_MODEL_HUB_AND_SPOKE:
      return _("Balances consistency with local authenticity. Shared tools, training and "
               "guidelines cut duplication and spread social media across the "
               "organization.");
    case PW_ORG_MODEL_MULTIPLE_HUB_AND_SPOKE:
      return _("Scales to many brands and regions, keeps each close to its market, and still "
               "shares reporting and resources.");
    case PW_ORG_MODEL_HOLISTIC:
      return _("The greatest reach and authenticity: social media is part of how everyone "
               "works, not a department.");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * pw_org_model_get_cons:
 *
 * Returns: what speaks against the model, in one short paragraph,
 *   translated
 */
const char *
pw_org_model_get_cons (PwOrgModel model)
{
  switch (model)
    {
    case PW_ORG_MODEL_NONE:
      return _("Without a map, nobody sees duplicated work or the teams left on their own.");
    case PW_ORG_MODEL_DECENTRALIZED:
      return _("An inconsistent experience for customers, duplicated tools and agencies, "
               "risks to the brand that nobody watches, and little to report.");
    case PW_ORG_MODEL_CENTRALIZED:
      return _("Can sound less authentic and is slow. The central team is swamped by "
               "requests and the business units have little say: it does not scale.");
    case PW_ORG_MODEL_HUB_AND_SPOKE:
      return _("Takes time and buy-in. The hub can turn into a help desk, and it often has "
               "influence but no authority over the units.");
    case PW_ORG_MODEL_MULTIPLE_HUB_AND_SPOKE:
      return _("Complex to coordinate, with a risk of inconsistency between brands; it needs "
               "a mature central group.");
    case PW_ORG_MODEL_HOLISTIC:
      return _("Hard to reach: it needs heavy training, trust and culture, and untrained "
               "employees are a risk. Few organizations get there.");
    default:
      g_return_val_if_reached (NULL);
    }
}
