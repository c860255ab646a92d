package org.perfgraph.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /} opens the dashboard; {@code /dashboard} and {@code /import} are the static pages under static/. */
@Controller
class PagesController {

    @GetMapping("/")
    String root() {
        return "redirect:/dashboard";
    }

    @GetMapping({"/dashboard", "/dashboard/"})
    String dashboard() {
        return "forward:/dashboard/index.html";
    }

    @GetMapping({"/import", "/import/"})
    String upload() {
        return "forward:/import/index.html";
    }
}
