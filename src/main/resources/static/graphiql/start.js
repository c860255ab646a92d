// Starts GraphiQL against this server's /graphql, opening with an analyst's first question.
(function () {
  var defaultQuery = [
    '# The projects of each unit with their targets: indicator, category and value as written.',
    '# Ctrl-Enter runs it; the Docs panel (top left) lists every field.',
    '{',
    '  stats { units projects indicators targets texts documents }',
    '  projects(first: 5) {',
    '    totalCount',
    '    pageInfo { hasNextPage endCursor }',
    '    edges { node {',
    '      name amount unit { code name region }',
    '      targets { indicator { code name } level1 { name } level2 { name }',
    '                annual { raw comparator number unit kind } source { document { name } line } }',
    '    } }',
    '  }',
    '}'
  ].join('\n');
  var fetcher = GraphiQL.createFetcher({ url: window.location.origin + '/graphql' });
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, { fetcher: fetcher, defaultQuery: defaultQuery, defaultEditorToolsVisibility: true }));
})();
