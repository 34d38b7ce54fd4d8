import { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

// Does the query select this path below the current field (e.g. ['items', 'guardianships'])?
// Lets a list resolver fetch nested data in its own statement instead of a second round trip.
function selects(selectionSet: SelectionSetNode | undefined, path: string[], info: GraphQLResolveInfo): boolean {
  if (!selectionSet) return false;
  if (path.length === 0) return true;
  for (const selection of selectionSet.selections) {
    if (selection.kind === 'Field' && selection.name.value === path[0] && selects(selection.selectionSet, path.slice(1), info)) return true;
    if (selection.kind === 'InlineFragment' && selects(selection.selectionSet, path, info)) return true;
    if (selection.kind === 'FragmentSpread' && selects(info.fragments[selection.name.value]?.selectionSet, path, info)) return true;
  }
  return false;
}

export function selectsPath(info: GraphQLResolveInfo, path: string[]): boolean {
  return info.fieldNodes.some((node: FieldNode) => selects(node.selectionSet, path, info));
}
