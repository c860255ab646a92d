package org.perfgraph.support;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** HTTP port taken: names the setting perfgraph users change (SERVER_PORT). */
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortInUseAnalyzer extends AbstractFailureAnalyzer<PortInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PortInUseException cause) {
        return new FailureAnalysis("The HTTP port " + cause.getPort() + " is already in use.",
                "Set SERVER_PORT to a free port, or stop the process listening on " + cause.getPort() + ".", cause);
    }
}
