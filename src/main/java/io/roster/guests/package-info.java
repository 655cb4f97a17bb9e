/**
 * Monthly reviews of guests (docs/rules.md §8): each sponsor (or, for guests whose sponsor is gone,
 * each ADMIN of their workspace) gets one mail a month listing the guests it answers for, with a
 * keep and a remove link per guest. The links are single-use, stored as hashes and expiring; the
 * workspaces module keeps the rights, this module only the periods sent and the links.
 */
package io.roster.guests;
