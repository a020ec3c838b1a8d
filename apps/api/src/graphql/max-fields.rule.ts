import { FragmentDefinitionNode, GraphQLError, Kind, SelectionSetNode, ValidationContext, ASTVisitor } from 'graphql';

/**
 * Rejects operations selecting more than `maxFields` fields in total, fragments expanded. With the
 * depth limit and capped page sizes this bounds the work one request can ask for.
 */
export function maxFieldsRule(maxFields: number) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(node) {
      let count = 0;
      const visit = (selectionSet: SelectionSetNode, fragmentsOnPath: Set<string>): void => {
        for (const selection of selectionSet.selections) {
          if (count > maxFields) {
            return;
          }
          switch (selection.kind) {
            case Kind.FIELD:
              count += 1;
              if (selection.selectionSet) {
                visit(selection.selectionSet, fragmentsOnPath);
              }
              break;
            case Kind.INLINE_FRAGMENT:
              visit(selection.selectionSet, fragmentsOnPath);
              break;
            case Kind.FRAGMENT_SPREAD: {
              const name = selection.name.value;
              const fragment: FragmentDefinitionNode | null | undefined = context.getFragment(name);
              if (fragment && !fragmentsOnPath.has(name)) {
                visit(fragment.selectionSet, new Set(fragmentsOnPath).add(name));
              }
              break;
            }
          }
        }
      };
      visit(node.selectionSet, new Set());
      if (count > maxFields) {
        context.reportError(
          new GraphQLError(`The operation selects more than ${maxFields} fields; split it into smaller queries`, {
            nodes: [node],
            extensions: { code: 'QUERY_TOO_COMPLEX' },
          }),
        );
      }
    },
  });
}
