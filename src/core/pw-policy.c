/* pw-policy.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-policy"

#include "config.h"

#include "pw-policy.h"

/**
 * PwPolicy:
 *
 * The state of the social media policy checklist: one #PwPolicyItem for
 * every item of the framework's checklist, in the framework's order,
 * followed by the organization's custom items.
 */
struct _PwPolicy
{
  GObject     parent_instance;

  GListStore *items;
  GHashTable *item_by_id;  /* id → PwPolicyItem, borrowed from @items */
};

G_DEFINE_FINAL_TYPE (PwPolicy, pw_policy, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
pw_policy_finalize (GObject *object)
{
  PwPolicy *self = (PwPolicy *)object;

  g_clear_pointer (&self->item_by_id, g_hash_table_unref);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (pw_policy_parent_class)->finalize (object);
}

static void
pw_policy_class_init (PwPolicyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pw_policy_finalize;

  /**
   * PwPolicy::changed:
   *
   * Emitted after an item was added, removed or edited.
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
pw_policy_init (PwPolicy *self)
{
  self->items = g_list_store_new (PW_TYPE_POLICY_ITEM);
  self->item_by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

static void
item_notify_cb (PwPolicy     *self,
                GParamSpec   *pspec,
                PwPolicyItem *item)
{
  g_signal_emit (self, signals [CHANGED], 0);
}

static void
append_item (PwPolicy     *self,
             PwPolicyItem *item)
{
  g_signal_connect_object (item, "notify", G_CALLBACK (item_notify_cb), self,
                           G_CONNECT_SWAPPED);
  g_hash_table_insert (self->item_by_id, (gpointer) pw_policy_item_get_id (item), item);
  g_list_store_append (self->items, item);
}

/**
 * pw_policy_new:
 *
 * Returns: (transfer full): a checklist with every item of @framework missing
 */
PwPolicy *
pw_policy_new (PwFramework *framework)
{
  PwPolicy *self;

  g_return_val_if_fail (PW_IS_FRAMEWORK (framework), NULL);

  self = g_object_new (PW_TYPE_POLICY, NULL);

  for (guint i = 0; i < pw_framework_get_n_policy_categories (framework); i++)
    {
      const PwPolicyCategory *category = pw_framework_get_policy_category (framework, i);

      for (guint j = 0; j < category->items->len; j++)
        {
          const PwPolicyItemDef *def = g_ptr_array_index (category->items, j);
          g_autoptr(PwPolicyItem) item = pw_policy_item_new (def->id, FALSE);

          pw_policy_item_set_category (item, category->id);
          pw_policy_item_set_title (item, def->title);
          pw_policy_item_set_description (item, def->description);
          pw_policy_item_set_core (item, def->core);
          append_item (self, item);
        }
    }

  return self;
}

/**
 * pw_policy_get_items:
 *
 * Returns: (transfer none): a #GListModel of #PwPolicyItem
 */
GListModel *
pw_policy_get_items (PwPolicy *self)
{
  g_return_val_if_fail (PW_IS_POLICY (self), NULL);

  return G_LIST_MODEL (self->items);
}

/**
 * pw_policy_find_item:
 *
 * Returns: (transfer none) (nullable): the item with @id
 */
PwPolicyItem *
pw_policy_find_item (PwPolicy   *self,
                     const char *id)
{
  g_return_val_if_fail (PW_IS_POLICY (self), NULL);

  return id ? g_hash_table_lookup (self->item_by_id, id) : NULL;
}

void
pw_policy_add_custom_item (PwPolicy     *self,
                           PwPolicyItem *item)
{
  g_return_if_fail (PW_IS_POLICY (self));
  g_return_if_fail (PW_IS_POLICY_ITEM (item));
  g_return_if_fail (pw_policy_item_get_custom (item));
  g_return_if_fail (pw_policy_find_item (self, pw_policy_item_get_id (item)) == NULL);

  append_item (self, item);
  g_signal_emit (self, signals [CHANGED], 0);
}

void
pw_policy_remove_custom_item (PwPolicy     *self,
                              PwPolicyItem *item)
{
  guint position;

  g_return_if_fail (PW_IS_POLICY (self));
  g_return_if_fail (PW_IS_POLICY_ITEM (item));
  g_return_if_fail (pw_policy_item_get_custom (item));

  if (!g_list_store_find (self->items, item, &position))
    return;

  g_signal_handlers_disconnect_by_func (item, item_notify_cb, self);
  g_hash_table_remove (self->item_by_id, pw_policy_item_get_id (item));
  g_list_store_remove (self->items, position);
  g_signal_emit (self, signals [CHANGED], 0);
}

/**
 * pw_policy_new_custom_id:
 *
 * Returns: (transfer full): an id no item of the checklist has yet
 */
char *
pw_policy_new_custom_id (PwPolicy *self)
{
  g_return_val_if_fail (PW_IS_POLICY (self), NULL);

  for (guint i = 1;; i++)
    {
      g_autofree char *id = g_strdup_printf ("custom-%u", i);

      if (pw_policy_find_item (self, id) == NULL)
        return g_steal_pointer (&id);
    }
}

/**
 * pw_policy_get_missing_core:
 *
 * Returns: (transfer container) (element-type PwPolicyItem): the core
 *   items that are neither in place nor marked as not applicable
 */
GPtrArray *
pw_policy_get_missing_core (PwPolicy *self)
{
  GPtrArray *missing;
  guint n;

  g_return_val_if_fail (PW_IS_POLICY (self), NULL);

  missing = g_ptr_array_new_with_free_func (g_object_unref);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwPolicyItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (pw_policy_item_get_core (item) && !pw_policy_item_is_satisfied (item))
        g_ptr_array_add (missing, g_steal_pointer (&item));
    }

  return missing;
}

/**
 * pw_policy_count:
 * @category_id: (nullable): a category, or %NULL for all items
 *
 * Counts the items (not applicable ones left out) and those in place.
 */
void
pw_policy_count (PwPolicy   *self,
                 const char *category_id,
                 guint      *n_satisfied,
                 guint      *n_items)
{
  guint n, done = 0, total = 0;

  g_return_if_fail (PW_IS_POLICY (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwPolicyItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (category_id != NULL && g_strcmp0 (pw_policy_item_get_category (item), category_id) != 0)
        continue;
      if (pw_policy_item_get_status (item) == PW_POLICY_NOT_APPLICABLE)
        continue;

      total++;
      if (pw_policy_item_get_status (item) == PW_POLICY_IN_PLACE)
        done++;
    }

  if (n_satisfied != NULL)
    *n_satisfied = done;
  if (n_items != NULL)
    *n_items = total;
}
