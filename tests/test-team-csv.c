/* test-team-csv.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Importing teams from a CSV file (pw-team-csv.c): what a spreadsheet
 * writes is read, every row that cannot be imported says why with its line
 * number, nothing is half imported, and the import is one edit.
 *
 *   /phasewise/team-csv/quotes           RFC 4180 quotes, doubled quotes, quoted line breaks
 *   /phasewise/team-csv/semicolons       BOM, semicolons, CRLF, umlauts (a German spreadsheet)
 *   /phasewise/team-csv/tabs             tabs, columns in another order, unknown column, empty lines
 *   /phasewise/team-csv/headers          header words in any case, hub / parent hub / parent_hub
 *   /phasewise/team-csv/problems         every kind of row problem, with its line
 *   /phasewise/team-csv/parent-later     a hub further down the file; a circle of hubs
 *   /phasewise/team-csv/parent-chain     a row whose hub cannot be imported cannot be either
 *   /phasewise/team-csv/map              duplicates of the map's teams; the map's hubs and spokes
 *   /phasewise/team-csv/texts            names too long, line breaks, control characters
 *   /phasewise/team-csv/invalid-utf8     one Latin-1 line: the other rows still import
 *   /phasewise/team-csv/empty            an empty file, white space, a BOM, empty cells: errors
 *   /phasewise/team-csv/no-name-column   a header without a name column: an error
 *   /phasewise/team-csv/too-large        over 20 MB: an error
 *   /phasewise/team-csv/limit            10,000 rows import; the 10,001st team counting the map's does not
 *                                        (PW_TEST_QUICK: without the last case)
 *   /phasewise/team-csv/problem-cap      1,000 problems listed, then one that counts the rest
 *   /phasewise/team-csv/translated       a German user's headers and kind words, and problems in German
 *   /phasewise/team-csv/random           400 files of quotes, separators, line ends and broken UTF-8
 *   /phasewise/team-csv/apply            teams, links, no overlaps, saved and loaded back
 *   /phasewise/team-csv/apply-many       10,000 rows applied and saved (not with PW_TEST_QUICK)
 *   /phasewise/team-csv/apply-renumbered the map got a team with an imported id meanwhile
 *   /phasewise/team-csv/apply-edge       a map at the edge of what a file holds: in range, loads back
 *   /phasewise/team-csv/grid             where this file places teams: a grid below the map, hubs
 *                                        above their spokes; above or right when there is no room
 *   /phasewise/team-csv/undo             one undo takes the whole import back
 */

#define G_LOG_DOMAIN "test-team-csv"

#include "config.h"

#include <locale.h>

#include <glib/gi18n-lib.h>

#include "pw-team-csv.h"
#include "pw-test-core.h"

#define SPACING 40

/* ------------------------------------------------------------------------
 * Helpers
 */

static PwTeamImport *
import_text (PwOrgMap   *map,
             const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  PwTeamImport *import = pw_team_import_new (map, bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);

  return import;
}

static PwTeamImport *
import_fixture (PwOrgMap   *map,
                const char *name)
{
  g_autoptr(GBytes) bytes = pw_test_read_source ("tests", "fixtures", "teams", name, NULL);
  g_autoptr(GError) error = NULL;
  PwTeamImport *import = pw_team_import_new (map, bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);

  return import;
}

static void
assert_import_error (const char *text,
                     int         code,
                     const char *part)
{
  g_autoptr(PwOrgMap) map = pw_org_map_new ();
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(PwTeamImport) import = pw_team_import_new (map, bytes, &error);

  g_assert_null (import);
  g_assert_error (error, PW_ERROR, code);
  g_assert_nonnull (strstr (error->message, part));
}

static PwTeam *
find_import_team (PwTeamImport *import,
                  const char   *name,
                  guint        *index)
{
  for (guint i = 0; i < pw_team_import_get_n_teams (import); i++)
    {
      PwTeam *team = pw_team_import_get_team (import, i);

      if (g_str_equal (pw_team_get_name (team), name))
        {
          if (index != NULL)
            *index = i;
          return team;
        }
    }

  g_error ("no team “%s” in the import", name);
}

static void
assert_team (PwTeamImport *import,
             const char   *name,
             PwTeamKind    kind,
             const char   *function,
             const char   *region,
             const char   *parent,
             guint         line)
{
  guint i;
  PwTeam *team = find_import_team (import, name, &i);

  g_assert_cmpint (pw_team_get_kind (team), ==, kind);
  g_assert_cmpstr (pw_team_get_function (team), ==, function);
  g_assert_cmpstr (pw_team_get_region (team), ==, region);
  g_assert_cmpstr (pw_team_import_get_parent (import, i), ==, parent);
  g_assert_cmpuint (pw_team_import_get_team_line (import, i), ==, line);
}

/* The problem of @line holds @part (the messages are English here). */
static void
assert_problem (PwTeamImport *import,
                guint         line,
                const char   *part)
{
  for (guint i = 0; i < pw_team_import_get_n_problems (import); i++)
    {
      guint problem_line;
      const char *message = pw_team_import_get_problem (import, i, &problem_line);

      if (problem_line != line)
        continue;

      g_assert_nonnull (strstr (message, part));
      {
        g_autofree char *prefix = g_strdup_printf ("Line %u: ", line);

        g_assert_true (g_str_has_prefix (message, prefix));
      }
      return;
    }

  g_error ("no problem on line %u", line);
}

static void
assert_counts (PwTeamImport *import,
               guint         n_teams,
               guint         n_problems)
{
  if (pw_team_import_get_n_problems (import) != n_problems)
    for (guint i = 0; i < pw_team_import_get_n_problems (import); i++)
      g_test_message ("%s", pw_team_import_get_problem (import, i, NULL));

  g_assert_cmpuint (pw_team_import_get_n_teams (import), ==, n_teams);
  g_assert_cmpuint (pw_team_import_get_n_problems (import), ==, n_problems);
}

static PwTeam *
add_map_team (PwOrgMap   *map,
              PwTeamKind  kind,
              const char *name,
              int         x,
              int         y)
{
  g_autofree char *id = pw_org_map_new_team_id (map);
  g_autoptr(PwTeam) team = pw_team_new (id, kind, name);

  pw_team_set_x (team, x);
  pw_team_set_y (team, y);
  pw_org_map_add_team (map, team);

  return team;
}

static PwTeam *
find_map_team (PwOrgMap   *map,
               const char *name)
{
  GListModel *teams = pw_org_map_get_teams (map);

  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(PwTeam) team = g_list_model_get_item (teams, i);

      if (g_str_equal (pw_team_get_name (team), name))
        return team;
    }

  return NULL;
}

static PwWorkbook *
new_workbook (void)
{
  g_autoptr(PwFramework) framework = NULL;
  g_autoptr(GError) error = NULL;

  framework = pw_framework_load_bundled (&error);
  g_assert_no_error (error);

  return pw_workbook_new (framework);
}

typedef struct
{
  int left, top, right, bottom;
} Box;

static void
get_box (PwTeam *team,
         Box    *box)
{
  int width, height;

  pw_team_get_size (team, &width, &height);
  box->left = pw_team_get_x (team) - width / 2;
  box->right = box->left + width;
  box->top = pw_team_get_y (team) - height / 2;
  box->bottom = box->top + height;
}

/* Whether the shapes' boxes come closer than @gap (0: whether they
 * overlap). */
static gboolean
too_close (PwTeam *a,
           PwTeam *b,
           int     gap)
{
  Box p, q;

  get_box (a, &p);
  get_box (b, &q);

  return p.left < q.right + gap && q.left < p.right + gap
         && p.top < q.bottom + gap && q.top < p.bottom + gap;
}

/* No two teams of @map overlap, and the teams of @import keep SPACING
 * from every other. */
static void
assert_no_overlaps (PwOrgMap     *map,
                    PwTeamImport *import)
{
  GListModel *teams = pw_org_map_get_teams (map);
  guint n = g_list_model_get_n_items (teams);
  g_autoptr(GHashTable) imported = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < pw_team_import_get_n_teams (import); i++)
    g_hash_table_add (imported, pw_team_import_get_team (import, i));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwTeam) a = g_list_model_get_item (teams, i);

      for (guint j = i + 1; j < n; j++)
        {
          g_autoptr(PwTeam) b = g_list_model_get_item (teams, j);
          gboolean new = g_hash_table_contains (imported, a) || g_hash_table_contains (imported, b);

          if (too_close (a, b, new ? SPACING : 0))
            g_error ("“%s” (%d, %d) and “%s” (%d, %d) are too close",
                     pw_team_get_name (a), pw_team_get_x (a), pw_team_get_y (a),
                     pw_team_get_name (b), pw_team_get_x (b), pw_team_get_y (b));
        }
    }
}

static PwWorkbook *
save_and_load (PwWorkbook *workbook)
{
  g_autoptr(GBytes) bytes = pw_workbook_serialize (workbook);
  g_autoptr(GError) error = NULL;
  PwWorkbook *loaded = pw_workbook_load_from_bytes (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (loaded);

  return loaded;
}

/* ------------------------------------------------------------------------
 * Reading
 */

static void
test_quotes (void)
{
  g_autoptr(PwOrgMap) map = pw_org_map_new ();
  g_autoptr(PwTeamImport) import = import_fixture (map, "quotes.csv");

  assert_counts (import, 5, 1);
  assert_team (import, "Social Hub, Global", PW_TEAM_HUB, "Centre of \"excellence\"", NULL, NULL,
               2);
  /* a quoted line break in a column the import ignores: the row starts on
   * line 3 and the next one on line 5 */
  assert_team (import, "Sales, EMEA", PW_TEAM_SPOKE, "Sales", NULL, "Social Hub, Global", 3);
  /* white space around a quoted field, a kind in capitals, a hub's name in
   * another case */
  assert_team (import, "Service", PW_TEAM_SPOKE, "Customer \"care\"", NULL,
               "social hub, global", 5);
  /* a line break inside a name: the problem names the line it starts on */
  assert_problem (import, 6, "line break");
  /* CRLF inside quotes; no kind is a spoke; a hub's name with spaces */
  assert_team (import, "Press", PW_TEAM_SPOKE, "PR", NULL, "Social Hub, Global", 8);
  assert_team (import, "HR", PW_TEAM_SPOKE, "People", NULL, "SOCIAL HUB, GLOBAL", 11);
}

static void
test_semicolons (void)
{
  g_autoptr(PwOrgMap) map = pw_org_map_new ();
  g_autoptr(PwTeamImport) import = import_fixture (map, "semicolons.csv");

  assert_counts (import, 4, 0);
  assert_team (import, "Zentrale", PW_TEAM_HUB, "Kommunikation", "Deutschland", NULL, 2);
  assert_team (import, "Vertrieb Süd", PW_TEAM_SPOKE, "Vertrieb", "Bayern", "Zentrale", 3);
  /* line 4 is empty; a quoted separator */
  assert_team (import, "Kundenservice", PW_TEAM_SPOKE, "Service; Support", "Österreich",
               "zentrale", 5);
  /* line 6 holds only separators */
  assert_team (import, "Personal", PW_TEAM_SPOKE, "HR", NULL, "Zentrale", 7);
}

static void
test_tabs (void)
{
  g_autoptr(PwOrgMap) map = pw_org_map_new ();
  g_autoptr(PwTeamImport) import = import_fixture (map, "tabs.tsv");

  assert_counts (import, 3, 0);
  assert_team (import, "Marketing Hub", PW_TEAM_HUB, NULL, "World", NULL, 3);
  assert_team (import, "North Sales", PW_TEAM_SPOKE, NULL, "North", "Marketing Hub", 5);
  assert_team (import, "South Sales", PW_TEAM_SPOKE, NULL, "South", "Marketing Hub", 8);
}

static void
test_headers (void)
{
  const char *parents[] = { "hub", "Parent Hub", "PARENT", "parent_hub", " parent-hub " };

  for (guint i = 0; i < G_N_ELEMENTS (parents); i++)
    {
      g_autoptr(PwOrgMap) map = pw_org_map_new ();
      g_autofree char *text = g_strdup_printf ("KIND,%s,Name\nHUB,,A\n,a,B\n", parents[i]);
      g_autoptr(PwTeamImport) import = import_text (map, text);

      assert_counts (import, 2, 0);
      assert_team (import, "A", PW_TEAM_HUB, NULL, NULL, NULL, 2);
      assert_team (import, "B", PW_TEAM_SPOKE, NULL, NULL, "a", 3);
    }

  /* one column of names: no separator at all */
  {
    g_autoptr(PwOrgMap) map = pw_org_map_new ();
    g_autoptr(PwTeamImport) import = import_text (map, "Name\r\nOne\r\n\"Two, and three\"\r\n");

    assert_counts (import, 2, 0);
    assert_team (import, "Two, and three", PW_TEAM_SPOKE, NULL, NULL, NULL, 3);
  }
}

static void
test_problems (void)
{
  g_autoptr(PwOrgMap) map = pw_org_map_new ();
  g_autoptr(PwTeamImport) import = import_fixture (map, "problems.csv");

  assert_counts (import, 5, 8);
  assert_team (import, "Sales", PW_TEAM_SPOKE, NULL, NULL, "Central", 2);
  assert_problem (import, 3, "the name is empty");
  assert_team (import, "Central", PW_TEAM_HUB, NULL, NULL, NULL, 4);
  assert_problem (import, 5, "the kind “hubb” is neither “hub” nor “spoke”");
  assert_problem (import, 6, "no hub called “Marketing” on the map or in the file");
  assert_problem (import, 7, "“sales” appears on line 2 already");
  assert_problem (import, 8, "“Sales” is a spoke on line 2, not a hub");
  assert_problem (import, 9, "4 cells, but the first line names 3 columns");
  /* an empty cell past the header's columns is no problem */
  assert_team (import, "Trailing", PW_TEAM_SPOKE, NULL, NULL, "Central", 10);
  assert_team (import, "Later", PW_TEAM_SPOKE, NULL, NULL, "Regional Hub", 11);
  assert_problem (import, 12, "its hub “Support” on line 5 cannot be imported");
  assert_team (import, "Regional Hub", PW_TEAM_HUB, NULL, NULL, NULL, 13);
  assert_problem (import, 14, "never ends");

  /* the problems come in the order of the file */
  for (guint i = 1, last = 0; i < pw_team_import_get_n_problems (import); i++)
    {
      guint line;

      pw_team_import_get_problem (import, i, &line);
      g_assert_cmpuint (line, >, last);
      last = line;
    }
}

static void
test_parent_later (void)
{
  g_autoptr(PwOrgMap) map = pw_org_map_new ();
  g_autoptr(PwTeamImport) import = NULL;

  import = import_text (map,
                        "name,parent,kind\n"
                        "Spoke A,Hub Z,\n"
                        "Hub Y,Hub Z,hub\n"
                        "Hub Z,Hub Y,hub\n"
                        "Spoke B,Hub Y,spoke\n");
  assert_counts (import, 4, 0);
  assert_team (import, "Spoke A", PW_TEAM_SPOKE, NULL, NULL, "Hub Z", 2);
  /* two hubs naming each other: one link between them */
  assert_team (import, "Hub Y", PW_TEAM_HUB, NULL, NULL, "Hub Z", 3);
  assert_team (import, "Hub Z", PW_TEAM_HUB, NULL, NULL, "Hub Y", 4);

  /* its own hub */
  g_clear_object (&import);
  import = import_text (map, "name,kind,parent\nLoop,hub,LOOP\n");
  assert_counts (import, 0, 1);
  assert_problem (import, 2, "“Loop” cannot be its own hub");
}

static void
test_parent_chain (void)
{
  g_autoptr(PwOrgMap) map = pw_org_map_new ();
  g_autoptr(PwTeamImport) import = NULL;

  /* C's hub B is fine, but B's hub A is not a hub: nothing of the chain */
  import = import_text (map,
                        "name,kind,parent\n"
                        "C,spoke,B\n"
                        "B,hub,A\n"
                        "A,hubb,\n"
                        "D,spoke,\n");
  assert_counts (import, 1, 3);
  assert_problem (import, 2, "its hub “B” on line 3 cannot be imported");
  assert_problem (import, 3, "its hub “A” on line 4 cannot be imported");
  assert_problem (import, 4, "“hubb”");
  assert_team (import, "D", PW_TEAM_SPOKE, NULL, NULL, NULL, 5);
}

static void
test_map (void)
{
  g_autoptr(PwOrgMap) map = pw_org_map_new ();
  g_autoptr(PwTeamImport) import = NULL;

  add_map_team (map, PW_TEAM_HUB, "Sales", 0, 0);
  add_map_team (map, PW_TEAM_SPOKE, " Legal ", 300, 0);

  import = import_text (map,
                        "name;parent;kind\n"
                        "SALES;;hub\n"
                        "legal;;\n"
                        "Inside;sales;\n"
                        "Advice;Legal;\n"
                        "Inside;;\n");
  assert_counts (import, 1, 4);
  assert_problem (import, 2, "“SALES” is already on the map");
  assert_problem (import, 3, "“legal” is already on the map");
  assert_team (import, "Inside", PW_TEAM_SPOKE, NULL, NULL, "sales", 4);
  assert_problem (import, 5, "“Legal” on the map is a spoke, not a hub");
  assert_problem (import, 6, "“Inside” appears on line 4 already");

  /* the import has not touched the map */
  g_assert_cmpuint (g_list_model_get_n_items (pw_org_map_get_teams (map)), ==, 2);
  g_assert_null (pw_org_map_find_team (map, pw_team_get_id (pw_team_import_get_team (import, 0))));
}

static void
test_texts (void)
{
  g_autoptr(PwOrgMap) map = pw_org_map_new ();
  g_autoptr(PwTeamImport) import = NULL;
  g_autoptr(GString) text = g_string_new ("name,function,region,parent\n");
  g_autofree char *longest = g_strnfill (PW_MAX_NAME_CHARS, 'x');
  g_autofree char *too_long = g_strnfill (PW_MAX_NAME_CHARS + 1, 'y');
  g_autofree char *unknown = g_strnfill (200, 'z');

  g_string_append_printf (text, "%s,,,\n", longest);                   /* 2 */
  g_string_append_printf (text, "%s,,,\n", too_long);                  /* 3 */
  g_string_append_printf (text, "Long function,%s,,\n", too_long);     /* 4 */
  g_string_append_printf (text, "Long region,,%s,\n", too_long);       /* 5 */
  g_string_append (text, "Bell\a,,,\n");                               /* 6 */
  g_string_append (text, "Broken,\"two\nlines\",,\n");                 /* 7-8 */
  g_string_append (text, "Separator\xe2\x80\xa8here,,,\n");            /* 9 */
  g_string_append (text, "\xe2\x80\x8b,,,\n");                         /* 10: zero-width space */
  g_string_append_printf (text, "Hub too long,,,%s\n", too_long);      /* 11 */
  g_string_append (text, "\xc2\xa0Padded\xc2\xa0,\xe2\x80\x83" "Comms,,\n"); /* 12 */
  g_string_append_printf (text, "Long parent,,,\"%s\n\"\n", unknown);   /* 13-14 */

  import = import_text (map, text->str);
  assert_counts (import, 2, 9);
  assert_team (import, longest, PW_TEAM_SPOKE, NULL, NULL, NULL, 2);
  assert_problem (import, 3, "the name is longer than 500 characters");
  assert_problem (import, 4, "the function is longer than 500 characters");
  assert_problem (import, 5, "the region is longer than 500 characters");
  assert_problem (import, 6, "“BellU+0007” holds a line break or a control character");
  assert_problem (import, 7, "the function “twoU+000Alines” holds a line break");
  assert_problem (import, 9, "holds a line break");
  assert_problem (import, 10, "the name is empty");
  assert_problem (import, 11, "the hub’s name is longer than 500 characters");
  /* no-break and em spaces are trimmed too */
  assert_team (import, "Padded", PW_TEAM_SPOKE, "Comms", NULL, NULL, 12);
  /* a long value is cut short in the message (the trailing line break is
   * trimmed, so the hub is merely unknown) */
  {
    g_autofree char *shown = g_strdup_printf ("no hub called “%.79s…” on", unknown);

    assert_problem (import, 13, shown);
  }
}

static void
test_invalid_utf8 (void)
{
  g_autoptr(PwOrgMap) map = pw_org_map_new ();
  g_autoptr(PwTeamImport) import = import_fixture (map, "latin1-line.csv");

  assert_counts (import, 2, 1);
  assert_team (import, "North", PW_TEAM_SPOKE, "Sales", NULL, NULL, 2);
  assert_problem (import, 3, "not valid UTF-8");
  assert_team (import, "South", PW_TEAM_SPOKE, "Service", NULL, NULL, 4);

  /* bytes that are not UTF-8 in a column the import ignores do not matter */
  {
    g_autoptr(PwTeamImport) other = import_text (map, "name,notes\nEast,caf\xe9\n");

    assert_counts (other, 1, 0);
  }

  /* a NUL byte does not cut a name short: the row is not text */
  {
    static const char text[] = "name,function\nWest\0ern,Sales\nEast,Sales\n";
    g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
    g_autoptr(GError) error = NULL;
    g_autoptr(PwTeamImport) other = pw_team_import_new (map, bytes, &error);

    g_assert_no_error (error);
    assert_counts (other, 1, 1);
    assert_problem (other, 2, "not valid UTF-8");
  }
}

static void
test_empty (void)
{
  assert_import_error ("", PW_ERROR_INVALID, "empty");
  assert_import_error ("\xef\xbb\xbf", PW_ERROR_INVALID, "empty");
  assert_import_error (" \r\n\t\n\n", PW_ERROR_INVALID, "empty");
  assert_import_error ("\xef\xbb\xbf,,,\n,\"\"\n\"\"\n", PW_ERROR_INVALID, "empty");

  /* a header and nothing else: nothing to import, but no error */
  {
    g_autoptr(PwOrgMap) map = pw_org_map_new ();
    g_autoptr(PwTeamImport) import = import_text (map, "name,kind\n\n");

    assert_counts (import, 0, 0);
  }
}

static void
test_no_name_column (void)
{
  const char *text = "\n\nteam,kind,parent\nSales,spoke,\n";

  /* the message names the line the header was looked for on */
  assert_import_error (text, PW_ERROR_INVALID, "Line 3 names no “name” column");
  text = "\"name,kind\nSales,spoke\n";
  assert_import_error (text, PW_ERROR_INVALID, "no “name” column");
  text = "n\xe4me,kind\nSales,spoke\n";
  assert_import_error (text, PW_ERROR_INVALID, "no “name” column");
  /* the header is the first line with words on it: an empty row of
   * commas before a header of semicolons does not make commas the
   * separator */
  {
    g_autoptr(PwOrgMap) map = pw_org_map_new ();
    g_autoptr(PwTeamImport) import = import_text (map, ",,,\n\"\";;\nname;kind\nA, B;hub\n");

    assert_counts (import, 1, 0);
    assert_team (import, "A, B", PW_TEAM_HUB, NULL, NULL, NULL, 4);
  }
  /* what spreadsheets call “Unicode text” */
  {
    g_autoptr(PwOrgMap) map = pw_org_map_new ();
    g_autoptr(GBytes) bytes = g_bytes_new_static ("\xff\xfen\0a\0m\0e\0", 10);
    g_autoptr(GError) error = NULL;
    g_autoptr(PwTeamImport) import = pw_team_import_new (map, bytes, &error);

    g_assert_null (import);
    g_assert_error (error, PW_ERROR, PW_ERROR_STRING);
    g_assert_nonnull (strstr (error->message, "UTF-16"));
  }
}

static void
test_too_large (void)
{
  gsize length = PW_TEAM_IMPORT_MAX_BYTES + 1;
  g_autofree char *text = g_malloc (length);
  g_autoptr(PwOrgMap) map = pw_org_map_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PwTeamImport) import = NULL;

  memset (text, 'a', length);
  memcpy (text, "name\n", 5);
  bytes = g_bytes_new_static (text, length);
  import = pw_team_import_new (map, bytes, &error);
  g_assert_null (import);
  g_assert_error (error, PW_ERROR, PW_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "20 MB"));
}

static char *
make_rows (guint n)
{
  GString *text = g_string_new ("name,kind,parent\n");

  /* a hub for every hundred spokes, after them */
  for (guint i = 0; i < n; i++)
    {
      if (i % 100 == 99)
        g_string_append_printf (text, "Hub %u,hub,\n", i / 100);
      else
        g_string_append_printf (text, "Team %u,spoke,Hub %u\n", i, i / 100);
    }

  return g_string_free (text, FALSE);
}

static void
test_limit (void)
{
  g_autofree char *text = make_rows (PW_TEAM_IMPORT_MAX_TEAMS);
  g_autoptr(PwOrgMap) map = pw_org_map_new ();
  g_autoptr(PwTeamImport) import = import_text (map, text);

  assert_counts (import, PW_TEAM_IMPORT_MAX_TEAMS, 0);
  g_clear_object (&import);

  /* one team on the map already: the last row (a hub) is one too many, and
   * so are the 99 spokes that it is the hub of */
  add_map_team (map, PW_TEAM_HUB, "Existing", 0, 0);
  import = import_text (map, text);
  assert_counts (import, PW_TEAM_IMPORT_MAX_TEAMS - 100, 100);
  assert_problem (import, PW_TEAM_IMPORT_MAX_TEAMS + 1, "the map is full (it holds 10000 teams");
  assert_problem (import, PW_TEAM_IMPORT_MAX_TEAMS, "its hub “Hub 99”");
  g_clear_object (&import);

  if (pw_test_quick ())
    return;

  /* the same with last rows that nothing hangs on */
  g_clear_pointer (&text, g_free);
  text = make_rows (PW_TEAM_IMPORT_MAX_TEAMS - 100);
  {
    g_autoptr(GString) more = g_string_new (text);

    for (guint i = 0; i < 100; i++)
      g_string_append_printf (more, "Last %u,spoke,\n", i);
    import = import_text (map, more->str);
  }
  assert_counts (import, PW_TEAM_IMPORT_MAX_TEAMS - 1, 1);
  assert_problem (import, PW_TEAM_IMPORT_MAX_TEAMS + 1, "the map is full");
}

static void
test_problem_cap (void)
{
  g_autoptr(PwOrgMap) map = pw_org_map_new ();
  g_autoptr(PwTeamImport) import = NULL;
  g_autoptr(GString) text = g_string_new ("name,kind\n");
  const char *message;
  guint line;

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (text, "Team %u,%s\n", i, i % 2 ? "spoke" : "wheel");

  import = import_text (map, text->str);
  assert_counts (import, 1500, PW_TEAM_IMPORT_MAX_PROBLEMS + 1);
  message = pw_team_import_get_problem (import, PW_TEAM_IMPORT_MAX_PROBLEMS - 1, &line);
  g_assert_cmpuint (line, ==, 2 + 2 * (PW_TEAM_IMPORT_MAX_PROBLEMS - 1));
  g_assert_true (g_str_has_prefix (message, "Line 2000: "));
  message = pw_team_import_get_problem (import, PW_TEAM_IMPORT_MAX_PROBLEMS, &line);
  g_assert_cmpuint (line, ==, 0);
  g_assert_cmpstr (message, ==, "…and 500 more rows that cannot be imported");
}

/* In the child: German headers and kind words, as translations give them
 * (tests/fixtures/teams/translations-de.po), and the English ones too. */
static void
check_translated (void)
{
  g_autoptr(PwOrgMap) map = pw_org_map_new ();
  g_autoptr(PwTeamImport) import = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("PW_TEST_TEAM_CSV_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  import = import_text (map,
                        "NAME;ART;ÜBERGEORDNETER HUB;Gebiet;Funktion\n"
                        "Kommunikation;ZENTRALE;;Deutschland;\n"
                        "Vertrieb;außenstelle;kommunikation;Bayern;Verkauf\n"
                        "Service;AUSSENSTELLE;Kommunikation;;\n"
                        "Presse;hub;;;\n"
                        "Fehler;Rad;;;\n");
  assert_counts (import, 4, 1);
  assert_team (import, "Kommunikation", PW_TEAM_HUB, NULL, "Deutschland", NULL, 2);
  assert_team (import, "Vertrieb", PW_TEAM_SPOKE, "Verkauf", "Bayern", "kommunikation", 3);
  assert_team (import, "Service", PW_TEAM_SPOKE, NULL, NULL, "Kommunikation", 4);
  assert_team (import, "Presse", PW_TEAM_HUB, NULL, NULL, NULL, 5);
  g_assert_cmpstr (pw_team_import_get_problem (import, 0, NULL), ==,
                   "Zeile 6: die Art „Rad“ ist weder „Zentrale“ noch „Außenstelle“");
  g_clear_object (&import);

  /* English headers still work */
  import = import_text (map, "name,kind,parent hub\nEnglish,hub,\n");
  assert_counts (import, 1, 0);
}

static void
test_translated (void)
{
  g_autofree char *msgfmt = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *messages = NULL;
  g_autofree char *mo = NULL;
  g_autofree char *po = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (g_test_subprocess ())
    {
      check_translated ();
      return;
    }

  msgfmt = g_find_program_in_path ("msgfmt");
  if (msgfmt == NULL)
    {
      g_test_skip ("msgfmt (gettext) is not installed");
      return;
    }

  dir = pw_test_make_tmp_dir ("phasewise-team-csv-XXXXXX");
  messages = g_build_filename (dir, "de", "LC_MESSAGES", NULL);
  g_assert_cmpint (g_mkdir_with_parents (messages, 0700), ==, 0);
  mo = g_build_filename (messages, GETTEXT_PACKAGE ".mo", NULL);
  po = pw_test_source_path ("tests", "fixtures", "teams", "translations-de.po", NULL);
  {
    const char *argv[] = { msgfmt, "-o", mo, po, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                  &status, &error);
    g_assert_no_error (error);
    g_spawn_check_wait_status (status, &error);
    g_assert_no_error (error);
  }

  /* in a child: the language is chosen once for a process */
  g_setenv ("PW_TEST_TEAM_CSV_LOCALEDIR", dir, TRUE);
  g_setenv ("LANGUAGE", "de", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("LANGUAGE");
  g_unsetenv ("PW_TEST_TEAM_CSV_LOCALEDIR");
  pw_test_remove_tree (dir);
  g_test_trap_assert_passed ();
}

/* Files made of the pieces CSV goes wrong with, at random (the same ones
 * each run): whatever they hold, the import never warns, every team and
 * problem names a line of the file, names are new and unique, and what is
 * applied saves and loads back. */
static void
test_random (void)
{
  static const char * const pieces[] = {
    ",", ";", "\t", "\"", "\"\"", "\r\n", "\n", "\r", " ", "Hub", "hub", "spoke", "Spoke",
    "HUB ", "Sales", "sales", "Ä", "\xc3", "\xff", "\xe2\x80\xa8", "\xef\xbb\xbf", "x",
  };
  static const char * const headers[] = {
    "name,kind,parent\n", "Parent;Name;Kind\n", "kind\tname\thub\tregion\n", "name\n",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261202);
  g_autoptr(PwFramework) framework = NULL;
  g_autoptr(GError) error = NULL;
  guint n = pw_test_quick () ? 40 : 400;

  framework = pw_framework_load_bundled (&error);
  g_assert_no_error (error);

  for (guint round = 0; round < n; round++)
    {
      g_autoptr(GString) text = g_string_new (headers[round % G_N_ELEMENTS (headers)]);
      g_autoptr(PwWorkbook) workbook = pw_workbook_new (framework);
      g_autoptr(PwTeamImport) import = NULL;
      g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      PwOrgMap *map = pw_workbook_get_org_map (workbook);
      guint n_lines = 1;
      guint length = g_rand_int_range (rand, 0, 200);

      add_map_team (map, PW_TEAM_HUB, "Sales", 0, 0);
      for (guint i = 0; i < length; i++)
        g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      for (const char *p = text->str; *p != '\0'; p++)
        if (*p == '\n' || (*p == '\r' && p[1] != '\n'))
          n_lines++;

      import = import_text (map, text->str);
      for (guint i = 0; i < pw_team_import_get_n_problems (import); i++)
        {
          guint line;

          pw_team_import_get_problem (import, i, &line);
          g_assert_cmpuint (line, >=, 2);
          g_assert_cmpuint (line, <=, n_lines);
        }
      for (guint i = 0; i < pw_team_import_get_n_teams (import); i++)
        {
          PwTeam *team = pw_team_import_get_team (import, i);
          g_autofree char *key = g_utf8_casefold (pw_team_get_name (team), -1);

          g_assert_cmpuint (pw_team_import_get_team_line (import, i), >=, 2);
          g_assert_cmpuint (pw_team_import_get_team_line (import, i), <=, n_lines);
          g_assert_true (g_utf8_validate (pw_team_get_name (team), -1, NULL));
          g_assert_cmpstr (key, !=, "sales");
          g_assert_true (g_hash_table_add (names, g_steal_pointer (&key)));
        }

      if (round % 10 == 0)
        {
          g_autoptr(PwWorkbook) loaded = NULL;

          pw_team_import_apply (import, workbook);
          loaded = save_and_load (workbook);
          g_assert_cmpuint (g_list_model_get_n_items (pw_org_map_get_teams (pw_workbook_get_org_map (loaded))),
                            ==, 1 + pw_team_import_get_n_teams (import));
        }
    }
}

/* ------------------------------------------------------------------------
 * Applying
 */

static void
assert_linked (PwOrgMap   *map,
               const char *a,
               const char *b)
{
  PwTeam *team_a = find_map_team (map, a);
  PwTeam *team_b = find_map_team (map, b);

  g_assert_nonnull (team_a);
  g_assert_nonnull (team_b);
  g_assert_true (pw_org_map_has_link (map, pw_team_get_id (team_a), pw_team_get_id (team_b)));
}

static void
test_apply (void)
{
  g_autoptr(PwWorkbook) workbook = new_workbook ();
  g_autoptr(PwWorkbook) loaded = NULL;
  g_autoptr(PwTeamImport) import = NULL;
  PwOrgMap *map = pw_workbook_get_org_map (workbook);
  PwTeam *hub;
  GString *text = g_string_new ("name,kind,function,region,parent\n");
  guint n_links;

  /* a map with teams where the import could have put its own */
  hub = add_map_team (map, PW_TEAM_HUB, "Existing Hub", 0, 0);
  add_map_team (map, PW_TEAM_SPOKE, "Existing Spoke", 300, 200);
  add_map_team (map, PW_TEAM_SPOKE, "Far", -2000, 900);
  pw_org_map_link_teams (map, pw_team_get_id (hub), pw_team_get_id (find_map_team (map, "Far")));
  pw_workbook_set_modified (workbook, FALSE);

  g_string_append (text, "Europe,hub,Communications,EU,Existing Hub\n");
  for (guint i = 0; i < 12; i++)
    g_string_append_printf (text, "Europe %u,,Sales,EU,europe\n", i);
  g_string_append (text, "Americas,hub,,,\n");
  for (guint i = 0; i < 3; i++)
    g_string_append_printf (text, "Americas %u,spoke,,,Americas\n", i);
  for (guint i = 0; i < 5; i++)
    g_string_append_printf (text, "Under existing %u,spoke,,,existing hub\n", i);
  for (guint i = 0; i < 4; i++)
    g_string_append_printf (text, "Alone %u,spoke,,,\n", i);
  g_string_append (text, "Broken,spoke,,,Nowhere\n");
  import = import_text (map, text->str);
  g_string_free (text, TRUE);
  assert_counts (import, 26, 1);

  n_links = g_list_model_get_n_items (pw_org_map_get_links (map));
  pw_team_import_apply (import, workbook);

  g_assert_true (pw_workbook_get_modified (workbook));
  g_assert_cmpuint (g_list_model_get_n_items (pw_org_map_get_teams (map)), ==, 3 + 26);
  for (guint i = 0; i < pw_team_import_get_n_teams (import); i++)
    {
      PwTeam *team = pw_team_import_get_team (import, i);

      g_assert_true (pw_org_map_find_team (map, pw_team_get_id (team)) == team);
    }
  g_assert_null (find_map_team (map, "Broken"));

  /* every row with a hub has its link, and no other */
  g_assert_cmpuint (g_list_model_get_n_items (pw_org_map_get_links (map)), ==,
                    n_links + 1 + 12 + 3 + 5);
  assert_linked (map, "Existing Hub", "Europe");
  assert_linked (map, "Europe", "Europe 11");
  assert_linked (map, "Americas", "Americas 2");
  assert_linked (map, "Existing Hub", "Under existing 4");
  g_assert_cmpstr (pw_team_get_function (find_map_team (map, "Europe 3")), ==, "Sales");
  g_assert_cmpstr (pw_team_get_region (find_map_team (map, "Europe 3")), ==, "EU");

  /* apart from each other and from the teams that were there */
  assert_no_overlaps (map, import);

  /* saved and loaded back, the same teams and links */
  loaded = save_and_load (workbook);
  {
    g_autoptr(GBytes) first = pw_workbook_serialize (workbook);
    g_autoptr(GBytes) second = pw_workbook_serialize (loaded);

    g_assert_true (g_bytes_equal (first, second));
  }
  g_assert_cmpuint (g_list_model_get_n_items (pw_org_map_get_teams (pw_workbook_get_org_map (loaded))),
                    ==, 3 + 26);
  assert_linked (pw_workbook_get_org_map (loaded), "Americas", "Americas 1");

  /* an import is applied once */
  if (g_test_undefined ())
    {
      g_test_expect_message ("pw-team-csv", G_LOG_LEVEL_CRITICAL, "*applied*");
      pw_team_import_apply (import, workbook);
      g_test_assert_expected_messages ();
    }
}

static void
test_apply_many (void)
{
  g_autoptr(PwWorkbook) workbook = NULL;
  g_autoptr(PwWorkbook) loaded = NULL;
  g_autoptr(PwTeamImport) import = NULL;
  g_autofree char *text = NULL;
  PwOrgMap *map;

  if (pw_test_quick ())
    {
      g_test_skip ("10,000 teams saved and loaded: not with PW_TEST_QUICK");
      return;
    }

  workbook = new_workbook ();
  map = pw_workbook_get_org_map (workbook);
  text = make_rows (PW_TEAM_IMPORT_MAX_TEAMS);
  import = import_text (map, text);
  pw_team_import_apply (import, workbook);
  g_assert_cmpuint (g_list_model_get_n_items (pw_org_map_get_teams (map)), ==,
                    PW_TEAM_IMPORT_MAX_TEAMS);
  g_assert_cmpuint (g_list_model_get_n_items (pw_org_map_get_links (map)), ==,
                    PW_TEAM_IMPORT_MAX_TEAMS / 100 * 99);

  /* each hub clear of its spokes (every pair of 10,000 would take long);
   * every row imports, so the import's teams are the rows */
  for (guint group = 0; group < 100; group++)
    {
      PwTeam *hub = pw_team_import_get_team (import, group * 100 + 99);

      g_assert_cmpint (pw_team_get_kind (hub), ==, PW_TEAM_HUB);
      for (guint i = group * 100; i < group * 100 + 99; i++)
        g_assert_false (too_close (hub, pw_team_import_get_team (import, i), SPACING));
    }

  loaded = save_and_load (workbook);
  g_assert_cmpuint (g_list_model_get_n_items (pw_org_map_get_teams (pw_workbook_get_org_map (loaded))),
                    ==, PW_TEAM_IMPORT_MAX_TEAMS);
}

static void
test_apply_renumbered (void)
{
  g_autoptr(PwWorkbook) workbook = new_workbook ();
  g_autoptr(PwTeamImport) import = NULL;
  PwOrgMap *map = pw_workbook_get_org_map (workbook);
  PwTeam *team;
  g_autofree char *id = NULL;

  import = import_text (map, "name,kind,parent\nHub,hub,\nSpoke,spoke,Hub\n");
  /* someone adds a team with the id the import gave its hub */
  id = g_strdup (pw_team_get_id (pw_team_import_get_team (import, 0)));
  {
    g_autoptr(PwTeam) other = pw_team_new (id, PW_TEAM_SPOKE, "Meanwhile");

    pw_org_map_add_team (map, other);
  }

  pw_team_import_apply (import, workbook);
  g_assert_cmpuint (g_list_model_get_n_items (pw_org_map_get_teams (map)), ==, 3);
  team = find_map_team (map, "Hub");
  g_assert_cmpstr (pw_team_get_id (team), !=, id);
  g_assert_true (pw_team_import_get_team (import, 0) == team);
  assert_linked (map, "Hub", "Spoke");
  g_assert_cmpint (pw_team_get_kind (team), ==, PW_TEAM_HUB);
  g_assert_false (too_close (team, find_map_team (map, "Meanwhile"), 0));
}

/* Where this file puts the new teams (pw-team-csv.c, place_teams()): a
 * grid below the map, each new hub above its new spokes, the spokes of a
 * hub on the map together, the teams without a hub last; above, right or
 * left of the map when there is no room below. */
static void
test_grid (void)
{
  g_autoptr(PwWorkbook) workbook = new_workbook ();
  g_autoptr(PwTeamImport) import = NULL;
  PwOrgMap *map = pw_workbook_get_org_map (workbook);
  PwTeam *europe, *americas;
  int hub_width, hub_height, spoke_width, spoke_height;
  Box map_box;

  add_map_team (map, PW_TEAM_HUB, "Existing Hub", 0, 0);
  add_map_team (map, PW_TEAM_SPOKE, "Far", -2000, 900);
  import = import_text (map,
                        "name,kind,parent\n"
                        "E1,,Europe\n"
                        "Europe,hub,\n"
                        "E2,,Europe\n"
                        "E3,,Europe\n"
                        "E4,,Europe\n"
                        "Loose,,\n"
                        "X1,,Existing Hub\n"
                        "Americas,hub,Existing Hub\n"
                        "A1,,Americas\n");
  pw_team_import_apply (import, workbook);
  assert_no_overlaps (map, import);

  pw_team_get_size (find_map_team (map, "Europe"), &hub_width, &hub_height);
  pw_team_get_size (find_map_team (map, "E1"), &spoke_width, &spoke_height);
  get_box (find_map_team (map, "Far"), &map_box);
  europe = find_map_team (map, "Europe");
  americas = find_map_team (map, "Americas");

  /* every new team below the map, the first group at its left edge */
  for (guint i = 0; i < pw_team_import_get_n_teams (import); i++)
    {
      Box box;

      get_box (pw_team_import_get_team (import, i), &box);
      g_assert_cmpint (box.top, >=, map_box.bottom + SPACING);
      g_assert_cmpint (box.left, >=, map_box.left);
    }
  g_assert_cmpint (pw_team_get_x (europe), <, pw_team_get_x (americas));

  /* Europe above its four spokes, which are in two rows of two */
  for (guint i = 1; i <= 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("E%u", i);
      PwTeam *spoke = find_map_team (map, name);

      g_assert_cmpint (pw_team_get_y (spoke), >, pw_team_get_y (europe));
      g_assert_cmpint (ABS (pw_team_get_x (spoke) - pw_team_get_x (europe)), <,
                       spoke_width + SPACING);
    }
  g_assert_cmpint (pw_team_get_y (find_map_team (map, "E1")), ==,
                   pw_team_get_y (find_map_team (map, "E2")));
  g_assert_cmpint (pw_team_get_y (find_map_team (map, "E3")), ==,
                   pw_team_get_y (find_map_team (map, "E1")) + spoke_height + SPACING);
  g_assert_cmpint (pw_team_get_y (find_map_team (map, "A1")), >, pw_team_get_y (americas));

  /* the team without a hub comes after every group */
  g_assert_cmpint (pw_team_get_y (find_map_team (map, "Loose")), >=,
                   pw_team_get_y (find_map_team (map, "X1")));

  /* no room below: above */
  {
    g_autoptr(PwWorkbook) edge = new_workbook ();
    g_autoptr(PwTeamImport) other = NULL;
    PwOrgMap *edge_map = pw_workbook_get_org_map (edge);

    add_map_team (edge_map, PW_TEAM_SPOKE, "Bottom", 0, 999960);
    other = import_text (edge_map, "name,kind,parent\nHub,hub,\nA,,Hub\n");
    pw_team_import_apply (other, edge);
    g_assert_cmpint (pw_team_get_y (find_map_team (edge_map, "A")), <, 999960 - spoke_height);
  }

  /* no room above or below: right */
  {
    g_autoptr(PwWorkbook) edge = new_workbook ();
    g_autoptr(PwTeamImport) other = NULL;
    PwOrgMap *edge_map = pw_workbook_get_org_map (edge);

    add_map_team (edge_map, PW_TEAM_SPOKE, "Top", 0, -999960);
    add_map_team (edge_map, PW_TEAM_SPOKE, "Bottom", 0, 999960);
    other = import_text (edge_map, "name,kind,parent\nHub,hub,\nA,,Hub\n");
    pw_team_import_apply (other, edge);
    g_assert_cmpint (pw_team_get_x (find_map_team (edge_map, "Hub")), >,
                     spoke_width / 2 + SPACING);
  }
}

/* A map that reaches the edge of what a workbook holds: the new teams go
 * where there is room, and the file loads back. */
static void
test_apply_edge (void)
{
  const int edges[][2][2] = {
    { { 0, 999960 }, { 0, 999960 } },       /* at the bottom: above it */
    { { 0, -999960 }, { 0, 999960 } },      /* top to bottom: right of it */
    { { -999900, -999960 }, { 999900, 999960 } }, /* everywhere: left is no room either */
  };

  for (guint e = 0; e < G_N_ELEMENTS (edges); e++)
    {
      g_autoptr(PwWorkbook) workbook = new_workbook ();
      g_autoptr(PwWorkbook) loaded = NULL;
      g_autoptr(PwTeamImport) import = NULL;
      PwOrgMap *map = pw_workbook_get_org_map (workbook);

      add_map_team (map, PW_TEAM_SPOKE, "First", edges[e][0][0], edges[e][0][1]);
      if (edges[e][1][1] != edges[e][0][1])
        add_map_team (map, PW_TEAM_SPOKE, "Second", edges[e][1][0], edges[e][1][1]);

      import = import_text (map, "name,kind,parent\nHub,hub,\nA,,Hub\nB,,Hub\nC,,\n");
      pw_team_import_apply (import, workbook);
      for (guint i = 0; i < pw_team_import_get_n_teams (import); i++)
        {
          PwTeam *team = pw_team_import_get_team (import, i);

          g_assert_cmpint (ABS (pw_team_get_x (team)), <=, 1000000);
          g_assert_cmpint (ABS (pw_team_get_y (team)), <=, 1000000);
        }
      if (e < 2)
        assert_no_overlaps (map, import);
      loaded = save_and_load (workbook);
      g_assert_cmpuint (g_list_model_get_n_items (pw_org_map_get_teams (pw_workbook_get_org_map (loaded))),
                        ==, g_list_model_get_n_items (pw_org_map_get_teams (map)));
    }
}

static void
test_undo (void)
{
  g_autoptr(PwWorkbook) workbook = new_workbook ();
  g_autoptr(PwHistory) history = pw_history_new ();
  g_autoptr(PwRecorder) recorder = NULL;
  g_autoptr(PwTeamImport) import = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  PwOrgMap *map = pw_workbook_get_org_map (workbook);

  add_map_team (map, PW_TEAM_HUB, "Existing Hub", 0, 0);
  recorder = pw_recorder_new (workbook, history);
  before = pw_workbook_serialize (workbook);

  import = import_text (map,
                        "name,kind,parent\n"
                        "New Hub,hub,Existing Hub\n"
                        "One,,New Hub\n"
                        "Two,,Existing Hub\n");
  pw_team_import_apply (import, workbook);
  g_assert_cmpuint (g_list_model_get_n_items (pw_org_map_get_teams (map)), ==, 4);

  /* the whole import is one step, named after it */
  g_assert_cmpuint (pw_history_get_n_undo (history), ==, 1);
  g_assert_cmpstr (pw_history_get_undo_label (history), ==, "Import Teams");
  after = pw_workbook_serialize (workbook);

  g_assert_true (pw_history_undo (history));
  g_assert_cmpuint (g_list_model_get_n_items (pw_org_map_get_teams (map)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (pw_org_map_get_links (map)), ==, 0);
  {
    g_autoptr(GBytes) undone = pw_workbook_serialize (workbook);

    g_assert_true (g_bytes_equal (undone, before));
  }

  g_assert_true (pw_history_redo (history));
  {
    g_autoptr(GBytes) redone = pw_workbook_serialize (workbook);

    g_assert_true (g_bytes_equal (redone, after));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/phasewise/team-csv/quotes", test_quotes);
  g_test_add_func ("/phasewise/team-csv/semicolons", test_semicolons);
  g_test_add_func ("/phasewise/team-csv/tabs", test_tabs);
  g_test_add_func ("/phasewise/team-csv/headers", test_headers);
  g_test_add_func ("/phasewise/team-csv/problems", test_problems);
  g_test_add_func ("/phasewise/team-csv/parent-later", test_parent_later);
  g_test_add_func ("/phasewise/team-csv/parent-chain", test_parent_chain);
  g_test_add_func ("/phasewise/team-csv/map", test_map);
  g_test_add_func ("/phasewise/team-csv/texts", test_texts);
  g_test_add_func ("/phasewise/team-csv/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/phasewise/team-csv/empty", test_empty);
  g_test_add_func ("/phasewise/team-csv/no-name-column", test_no_name_column);
  g_test_add_func ("/phasewise/team-csv/too-large", test_too_large);
  g_test_add_func ("/phasewise/team-csv/limit", test_limit);
  g_test_add_func ("/phasewise/team-csv/problem-cap", test_problem_cap);
  g_test_add_func ("/phasewise/team-csv/translated", test_translated);
  g_test_add_func ("/phasewise/team-csv/random", test_random);
  g_test_add_func ("/phasewise/team-csv/apply", test_apply);
  g_test_add_func ("/phasewise/team-csv/apply-many", test_apply_many);
  g_test_add_func ("/phasewise/team-csv/apply-renumbered", test_apply_renumbered);
  g_test_add_func ("/phasewise/team-csv/apply-edge", test_apply_edge);
  g_test_add_func ("/phasewise/team-csv/grid", test_grid);
  g_test_add_func ("/phasewise/team-csv/undo", test_undo);

  return g_test_run ();
}
