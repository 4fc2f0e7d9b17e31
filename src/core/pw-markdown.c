/* pw-markdown.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-markdown"

#include "config.h"

#include <string.h>

#include <cmark.h>

#include "pw-markdown.h"

/*
 * The facilitator's Markdown is parsed with libcmark, then made safe on its
 * syntax tree before any renderer sees it (make_safe()):
 *
 * - raw HTML, block or inline, is removed;
 * - a link keeps its target only when it is http:, https:, mailto: or an
 *   anchor of the document (#…); any other link becomes its text;
 * - an image becomes a link to it with its description as the text (or the
 *   description alone when its target is not allowed): a report never loads
 *   anything, from the network or elsewhere, when it is opened.
 *
 * The HTML comes from cmark's renderer in its safe mode (no
 * CMARK_OPT_UNSAFE), which would drop raw HTML and dangerous URLs on its
 * own too.  Pango markup and plain text come from one walk of the tree
 * (render_blocks()), one string per block, every text escaped with
 * g_markup_escape_text() for Pango.
 */

#define PARSE_OPTIONS (CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cmark_node, cmark_node_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cmark_iter, cmark_iter_free)

static gboolean
url_is_allowed (const char *url)
{
  static const char * const allowed[] = { "http", "https", "mailto" };
  const char *p;

  if (url == NULL || url[0] == '\0')
    return FALSE;
  if (url[0] == '#')
    return TRUE;

  /* RFC 3986: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":" */
  if (!g_ascii_isalpha (url[0]))
    return FALSE;
  for (p = url; *p != ':'; p++)
    if (!g_ascii_isalnum (*p) && *p != '+' && *p != '-' && *p != '.')
      return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
    if ((gsize) (p - url) == strlen (allowed[i])
        && g_ascii_strncasecmp (url, allowed[i], p - url) == 0)
      return TRUE;

  return FALSE;
}

/* Puts the children of @node where it is, and frees it */
static void
unwrap_node (cmark_node *node)
{
  cmark_node *child;

  while ((child = cmark_node_first_child (node)) != NULL)
    {
      cmark_node_unlink (child);
      cmark_node_insert_before (node, child);
    }
  cmark_node_free (node);
}

static gboolean
is_inside_link (cmark_node *node)
{
  for (cmark_node *p = cmark_node_parent (node); p != NULL; p = cmark_node_parent (p))
    if (cmark_node_get_type (p) == CMARK_NODE_LINK)
      return TRUE;
  return FALSE;
}

/* A link without a text shows its target */
static void
append_url_text (cmark_node *link)
{
  cmark_node *text = cmark_node_new (CMARK_NODE_TEXT);

  cmark_node_set_literal (text, cmark_node_get_url (link));
  cmark_node_append_child (link, text);
}

static void
image_to_link (cmark_node *image)
{
  cmark_node *link = cmark_node_new (CMARK_NODE_LINK);
  cmark_node *child;

  cmark_node_set_url (link, cmark_node_get_url (image));
  cmark_node_set_title (link, cmark_node_get_title (image));
  while ((child = cmark_node_first_child (image)) != NULL)
    {
      cmark_node_unlink (child);
      cmark_node_append_child (link, child);
    }
  if (cmark_node_first_child (link) == NULL)
    append_url_text (link);
  cmark_node_insert_before (image, link);
  cmark_node_free (image);
}

static void
make_safe (cmark_node *document)
{
  g_autoptr(GPtrArray) unsafe = g_ptr_array_new ();
  g_autoptr(cmark_iter) iter = cmark_iter_new (document);
  cmark_event_type event;

  /* No node is taken out while the tree is walked (cmark_iter) */
  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      /* A node may be changed on its exit only (cmark_iter_next()) */
      if (event == CMARK_EVENT_EXIT
          && cmark_node_get_type (node) == CMARK_NODE_LINK
          && cmark_node_first_child (node) == NULL
          && url_is_allowed (cmark_node_get_url (node)))
        append_url_text (node);
      if (event != CMARK_EVENT_ENTER)
        continue;

      switch (cmark_node_get_type (node))
        {
        case CMARK_NODE_HTML_BLOCK:
        case CMARK_NODE_HTML_INLINE:
        case CMARK_NODE_IMAGE:
          g_ptr_array_add (unsafe, node);
          break;
        case CMARK_NODE_LINK:
          if (!url_is_allowed (cmark_node_get_url (node)))
            g_ptr_array_add (unsafe, node);
          break;
        default:
          break;
        }
    }

  /* In document order: a node's children are moved, never freed, before
   * the node itself comes up */
  for (guint i = 0; i < unsafe->len; i++)
    {
      cmark_node *node = g_ptr_array_index (unsafe, i);

      switch (cmark_node_get_type (node))
        {
        case CMARK_NODE_HTML_BLOCK:
        case CMARK_NODE_HTML_INLINE:
          cmark_node_free (node);
          break;
        case CMARK_NODE_IMAGE:
          if (url_is_allowed (cmark_node_get_url (node)) && !is_inside_link (node))
            image_to_link (node);
          else
            unwrap_node (node);
          break;
        default:
          unwrap_node (node);
          break;
        }
    }

  cmark_consolidate_text_nodes (document);
}

static cmark_node *
parse_safe (const char *markdown)
{
  cmark_node *document = cmark_parse_document (markdown, strlen (markdown), PARSE_OPTIONS);

  make_safe (document);
  return document;
}

/* A string cmark rendered, in GLib's memory: cmark allocates with its own
 * allocator (malloc) */
static char *
from_cmark (char *text)
{
  char *copy = g_strdup (text);

  free (text);
  return copy;
}

/**
 * pw_markdown_to_html:
 * @markdown: CommonMark text
 *
 * Returns: (transfer full): an HTML fragment, with no raw HTML from
 *   @markdown, no image and only http:, https:, mailto: and #anchor links
 */
char *
pw_markdown_to_html (const char *markdown)
{
  g_autoptr(cmark_node) document = NULL;

  g_return_val_if_fail (markdown != NULL, NULL);

  document = parse_safe (markdown);
  return from_cmark (cmark_render_html (document, CMARK_OPT_DEFAULT));
}

/**
 * pw_markdown_to_commonmark:
 * @markdown: CommonMark text
 *
 * Returns: (transfer full): @markdown written again as CommonMark, with what
 *   pw_markdown_to_html() leaves out left out: no raw HTML, no image, only
 *   http:, https:, mailto: and #anchor links.  A viewer that shows a
 *   Markdown file's HTML then runs nothing of it.
 */
char *
pw_markdown_to_commonmark (const char *markdown)
{
  g_autoptr(cmark_node) document = NULL;

  g_return_val_if_fail (markdown != NULL, NULL);

  document = parse_safe (markdown);
  return from_cmark (cmark_render_commonmark (document, CMARK_OPT_DEFAULT, 0));
}

/* Rendering to blocks of Pango markup or plain text */

typedef enum
{
  CONTAINER_QUOTE,
  CONTAINER_LIST,
  CONTAINER_ITEM,
} ContainerKind;

typedef struct
{
  ContainerKind kind;
  gboolean      ordered;   /* LIST */
  int           number;    /* LIST: the next item's number */
  char         *marker;    /* ITEM */
  gboolean      used;      /* ITEM: its marker was written */
} Container;

typedef struct
{
  gboolean   markup;
  GPtrArray *blocks;       /* of char *, NULL-terminated at the end */
  GArray    *containers;   /* of Container */
  GString   *block;        /* the block being written, or NULL */
  GArray    *link_starts;  /* of gsize: where a link's text starts */
} Renderer;

static void
container_clear (gpointer data)
{
  Container *container = data;

  g_free (container->marker);
}

/* Appends a text of the document, without the control characters that
 * Pango would show as boxes, escaped for Pango markup when it is that */
static void
append_text (Renderer   *r,
             const char *text)
{
  g_autoptr(GString) clean = NULL;

  if (text == NULL || r->block == NULL)
    return;

  clean = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x20 || *p == '\n' || *p == '\t')
      g_string_append_c (clean, *p);

  if (r->markup)
    {
      g_autofree char *escaped = g_markup_escape_text (clean->str, clean->len);

      g_string_append (r->block, escaped);
    }
  else
    g_string_append_len (r->block, clean->str, clean->len);
}

static void
append_markup (Renderer   *r,
               const char *markup)
{
  if (r->markup && r->block != NULL)
    g_string_append (r->block, markup);
}

/* What stands before a block: quote bars, list markers and indents */
static void
begin_block (Renderer *r)
{
  guint innermost_item = G_MAXUINT;

  g_assert (r->block == NULL);
  r->block = g_string_new (NULL);

  for (guint i = 0; i < r->containers->len; i++)
    if (g_array_index (r->containers, Container, i).kind == CONTAINER_ITEM)
      innermost_item = i;

  for (guint i = 0; i < r->containers->len; i++)
    {
      Container *c = &g_array_index (r->containers, Container, i);

      if (c->kind == CONTAINER_QUOTE)
        g_string_append (r->block, r->markup ? "\u2502 " : "> ");
      else if (c->kind == CONTAINER_ITEM && i == innermost_item && !c->used)
        {
          append_text (r, c->marker);
          g_string_append (r->block, r->markup ? "\u2002" : " ");
          c->used = TRUE;
        }
      else if (c->kind == CONTAINER_ITEM)
        g_string_append (r->block, r->markup ? "\u2003\u2003" : "   ");
    }
}

static void
end_block (Renderer *r)
{
  if (r->block == NULL)
    return;
  g_ptr_array_add (r->blocks, g_string_free (r->block, FALSE));
  r->block = NULL;
}

static const char *
heading_open (int level)
{
  switch (level)
    {
    case 1:
      return "<span size=\"x-large\" weight=\"bold\">";
    case 2:
      return "<span size=\"large\" weight=\"bold\">";
    default:
      return "<span weight=\"bold\">";
    }
}

static void
push_item (Renderer *r)
{
  Container item = { CONTAINER_ITEM, FALSE, 0, NULL, FALSE };
  Container *list = NULL;
  guint depth = 0;

  for (guint i = 0; i < r->containers->len; i++)
    {
      Container *c = &g_array_index (r->containers, Container, i);

      if (c->kind == CONTAINER_LIST)
        {
          list = c;
          depth++;
        }
    }
  g_assert (list != NULL);

  if (list->ordered)
    item.marker = g_strdup_printf ("%d.", list->number++);
  else
    item.marker = g_strdup (depth <= 1 ? "\u2022" : depth == 2 ? "\u25e6" : "\u25aa");

  g_array_append_val (r->containers, item);
}

static void
enter_link (Renderer *r)
{
  gsize start;

  append_markup (r, "<u>");
  start = r->block != NULL ? r->block->len : 0;
  g_array_append_val (r->link_starts, start);
}

/* The URL after the link's text, unless the text says it already */
static void
exit_link (Renderer   *r,
           cmark_node *node)
{
  const char *url = cmark_node_get_url (node);
  gsize start = g_array_index (r->link_starts, gsize, r->link_starts->len - 1);
  g_autofree char *shown_url = NULL;
  const char *text;

  g_array_set_size (r->link_starts, r->link_starts->len - 1);
  append_markup (r, "</u>");
  if (r->block == NULL || url == NULL || url[0] == '#')
    return;

  shown_url = r->markup ? g_markup_escape_text (url, -1) : g_strdup (url);
  text = r->block->str + start;
  if (r->markup)
    {
      gsize len = r->block->len - start - strlen ("</u>");

      if (len == strlen (shown_url) && strncmp (text, shown_url, len) == 0)
        return;
      if (g_str_has_prefix (shown_url, "mailto:")
          && len == strlen (shown_url) - strlen ("mailto:")
          && strncmp (text, shown_url + strlen ("mailto:"), len) == 0)
        return;
    }
  else if (g_str_equal (text, shown_url)
           || (g_str_has_prefix (shown_url, "mailto:")
               && g_str_equal (text, shown_url + strlen ("mailto:"))))
    return;

  g_string_append (r->block, " (");
  g_string_append (r->block, shown_url);
  g_string_append (r->block, ")");
}

static void
render_code_block (Renderer   *r,
                   cmark_node *node)
{
  g_autofree char *code = g_strdup (cmark_node_get_literal (node));
  gsize len = code != NULL ? strlen (code) : 0;

  while (len > 0 && code[len - 1] == '\n')
    code[--len] = '\0';

  begin_block (r);
  append_markup (r, "<tt>");
  append_text (r, code);
  append_markup (r, "</tt>");
  end_block (r);
}

static void
render_node (Renderer         *r,
             cmark_event_type  event,
             cmark_node       *node)
{
  gboolean entering = event == CMARK_EVENT_ENTER;

  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_BLOCK_QUOTE:
      if (entering)
        {
          Container quote = { CONTAINER_QUOTE, FALSE, 0, NULL, FALSE };

          g_array_append_val (r->containers, quote);
        }
      else
        g_array_set_size (r->containers, r->containers->len - 1);
      break;

    case CMARK_NODE_LIST:
      if (entering)
        {
          Container list = { CONTAINER_LIST, FALSE, 1, NULL, FALSE };

          list.ordered = cmark_node_get_list_type (node) == CMARK_ORDERED_LIST;
          list.number = cmark_node_get_list_start (node);
          g_array_append_val (r->containers, list);
        }
      else
        g_array_set_size (r->containers, r->containers->len - 1);
      break;

    case CMARK_NODE_ITEM:
      if (entering)
        push_item (r);
      else
        {
          /* An empty item still shows its marker */
          Container *item = &g_array_index (r->containers, Container,
                                            r->containers->len - 1);

          if (!item->used)
            {
              begin_block (r);
              end_block (r);
            }
          g_array_set_size (r->containers, r->containers->len - 1);
        }
      break;

    case CMARK_NODE_PARAGRAPH:
      if (entering)
        begin_block (r);
      else
        end_block (r);
      break;

    case CMARK_NODE_HEADING:
      if (entering)
        {
          begin_block (r);
          append_markup (r, heading_open (cmark_node_get_heading_level (node)));
        }
      else
        {
          append_markup (r, "</span>");
          end_block (r);
        }
      break;

    case CMARK_NODE_CODE_BLOCK:
      render_code_block (r, node);
      break;

    case CMARK_NODE_THEMATIC_BREAK:
      begin_block (r);
      g_string_append (r->block, "\u2015\u2015\u2015\u2015\u2015\u2015");
      end_block (r);
      break;

    case CMARK_NODE_TEXT:
      append_text (r, cmark_node_get_literal (node));
      break;

    case CMARK_NODE_CODE:
      append_markup (r, "<tt>");
      append_text (r, cmark_node_get_literal (node));
      append_markup (r, "</tt>");
      break;

    case CMARK_NODE_SOFTBREAK:
      append_text (r, " ");
      break;

    case CMARK_NODE_LINEBREAK:
      append_text (r, "\n");
      break;

    case CMARK_NODE_EMPH:
      append_markup (r, entering ? "<i>" : "</i>");
      break;

    case CMARK_NODE_STRONG:
      append_markup (r, entering ? "<b>" : "</b>");
      break;

    case CMARK_NODE_LINK:
      if (entering)
        enter_link (r);
      else
        exit_link (r, node);
      break;

    case CMARK_NODE_NONE:
    case CMARK_NODE_DOCUMENT:
    case CMARK_NODE_HTML_BLOCK:
    case CMARK_NODE_CUSTOM_BLOCK:
    case CMARK_NODE_HTML_INLINE:
    case CMARK_NODE_CUSTOM_INLINE:
    case CMARK_NODE_IMAGE:
    default:
      /* Raw HTML and images are gone (make_safe()), custom nodes are
       * never made by the parser */
      break;
    }
}

static GPtrArray *
render_blocks (const char *markdown,
               gboolean    markup)
{
  g_autoptr(cmark_node) document = parse_safe (markdown);
  g_autoptr(cmark_iter) iter = cmark_iter_new (document);
  g_autoptr(GArray) containers = g_array_new (FALSE, FALSE, sizeof (Container));
  g_autoptr(GArray) link_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  Renderer r = { markup, g_ptr_array_new_with_free_func (g_free), containers, NULL, link_starts };
  cmark_event_type event;

  g_array_set_clear_func (containers, container_clear);

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    render_node (&r, event, cmark_iter_get_node (iter));

  g_assert (r.block == NULL);
  return r.blocks;
}

/**
 * pw_markdown_to_pango_blocks:
 * @markdown: CommonMark text
 *
 * Returns: (transfer full): one string of Pango markup per block
 *   (paragraph, heading, list item, code block…), in order
 */
GStrv
pw_markdown_to_pango_blocks (const char *markdown)
{
  GPtrArray *blocks;

  g_return_val_if_fail (markdown != NULL, NULL);

  blocks = render_blocks (markdown, TRUE);
  g_ptr_array_add (blocks, NULL);
  return (GStrv) g_ptr_array_free (blocks, FALSE);
}

/**
 * pw_markdown_to_plain:
 * @markdown: CommonMark text
 *
 * Returns: (transfer full): the text without its Markdown syntax, blocks
 *   separated by an empty line, list items marked with bullets or numbers
 *   and link targets in brackets after their text
 */
char *
pw_markdown_to_plain (const char *markdown)
{
  g_autoptr(GPtrArray) blocks = NULL;

  g_return_val_if_fail (markdown != NULL, NULL);

  blocks = render_blocks (markdown, FALSE);
  g_ptr_array_add (blocks, NULL);
  return g_strjoinv ("\n\n", (GStrv) blocks->pdata);
}
