package io.mli.servicekit.config;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.mli.servicekit.agent.AgentClients;
import io.mli.servicekit.agent.AgentHttp;
import io.mli.servicekit.agent.CpuLimiter;
import io.mli.servicekit.agent.EnginesHealthIndicator;
import io.mli.servicekit.agent.Reloadable;
import io.mli.servicekit.agent.ServiceReadiness;
import io.mli.servicekit.metrics.FleetMetrics;
import io.mli.servicekit.web.ApiKeyFilter;
import io.mli.servicekit.web.BodyLimitFilter;
import io.mli.servicekit.web.ProblemHandler;
import io.mli.servicekit.web.RequestIdFilter;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/**
 * What every service gets by having service-kit on its classpath: the request-id, body-limit and API-key filters
 * (in that order, before anything else), problem+json errors, the CPU limiter, the knowledge-base source, the HTTP
 * agent clients, the fleet metrics and the engines' readiness indicator.
 */
@AutoConfiguration
@EnableConfigurationProperties(MliProperties.class)
@Import(ProblemHandler.class)
public class ServiceKitAutoConfiguration {

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> r = new FilterRegistrationBean<>(new RequestIdFilter());
        r.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return r;
    }

    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(MliProperties props) {
        FilterRegistrationBean<BodyLimitFilter> r =
                new FilterRegistrationBean<>(new BodyLimitFilter(props.maxBodySize().toBytes()));
        r.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return r;
    }

    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(MliProperties props) {
        FilterRegistrationBean<ApiKeyFilter> r =
                new FilterRegistrationBean<>(new ApiKeyFilter(props.apiKeys(), props.apiKeyPaths()));
        r.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return r;
    }

    @Bean
    CpuLimiter cpuLimiter(MliProperties props) {
        return new CpuLimiter(props.cpu().permits(), props.cpu().maxWait());
    }

    @Bean
    KnowledgeBaseSource knowledgeBaseSource(MliProperties props, @Value("${mli.kb-cache-dir:}") String cacheDir,
                                            @Value("${mli.kb-endpoint-url:}") String endpointUrl) {
        return new KnowledgeBaseSource(props.kbUri(), cacheDir, endpointUrl);
    }

    /** Follows {@code mli kb publish}: reloads what is built over the knowledge base when a new version appears. */
    @Bean(destroyMethod = "close")
    KnowledgeBaseRefresher knowledgeBaseRefresher(KnowledgeBaseSource kb, ObjectProvider<Reloadable> reloadables,
                                                  @Value("${mli.kb-poll-interval:60s}") Duration interval) {
        return new KnowledgeBaseRefresher(kb, () -> reloadables.orderedStream().toList(), interval).start();
    }

    @Bean
    FleetMetrics fleetMetrics(MeterRegistry registry) {
        return new FleetMetrics(registry);
    }

    /** One pooled client for all agent calls: HTTP/1.1 keep-alive on the local network. */
    @Bean(destroyMethod = "close")
    AgentHttp agentHttp() {
        return AgentHttp.create();
    }

    @Bean
    AgentClients agentClients(MliProperties props, AgentHttp agentHttp, CircuitBreakerRegistry breakers) {
        return new AgentClients(props, agentHttp, breakers);
    }

    @Bean("engines")
    EnginesHealthIndicator enginesHealthIndicator(ObjectProvider<ServiceReadiness> parts) {
        return new EnginesHealthIndicator(parts.orderedStream().toList());
    }
}
