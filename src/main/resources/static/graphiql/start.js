// Starts GraphiQL against this server's /graphql, opening with an analyst's first question
// (README "Example queries", query 1; ExampleQueriesTest runs this default query too).
(function () {
  var defaultQuery = [
    '# The projects of a unit with their targets: indicator, category, value as written, source line.',
    '# Ctrl-Enter runs it; the Docs panel (top left) lists every field, filter and ordering.',
    '{',
    '  stats { units projects indicators targets texts documents }',
    '  units(where: {region: {eq: "珠海高新技术产业开发区"}}) {',
    '    edges { node {',
    '      code name region projectCount',
    '      projects {',
    '        name amount',
    '        targets {',
    '          indicator { code name }',
    '          level1 { name } level2 { name }',
    '          annual { raw kind comparator number unit }',
    '          source { document { name } line }',
    '        }',
    '      }',
    '    } }',
    '  }',
    '}'
  ].join('\n');
  var fetcher = GraphiQL.createFetcher({ url: window.location.origin + '/graphql' });
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, { fetcher: fetcher, defaultQuery: defaultQuery, defaultEditorToolsVisibility: true }));
})();
