package org.perfgraph.support;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** GraphiQL at /graphiql, served entirely from the jar (static/graphiql and the graphiql/react webjars). */
@Controller
class GraphiqlController {

    @GetMapping({"/graphiql", "/graphiql/"})
    String graphiql() {
        return "forward:/graphiql/index.html";
    }
}
