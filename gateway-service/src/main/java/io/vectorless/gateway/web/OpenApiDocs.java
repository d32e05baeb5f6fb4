package io.vectorless.gateway.web;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.vectorless.support.web.AuthProperties;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * What holds for every operation is declared once here rather than on each controller method: the {@code {"detail"}}
 * error body every handler writes, and the API key the auth filter asks for everywhere but the two open paths.
 */
@Configuration
class OpenApiDocs {
    private static final String ERRORS = "Error: 400 bad input or a field too long, 401 missing or wrong API key, "
            + "403 a user key acting for another user or managing keys, 404 unknown workspace (or another user's), "
            + "document or node, 409 conflict, 413 file too large, 503 storage or query service unavailable";

    @Bean
    OpenApiCustomizer title() {
        return openApi -> openApi.info(new Info().title(InfoController.NAME).version(InfoController.VERSION)
                .description("Long documents parsed into section trees and questions answered over them without a "
                        + "vector database: workspaces, documents, trees, rich chat, the OpenAI-compatible /v1 "
                        + "and batch RAG-index requests. Every path but /health and / needs the API key."));
    }

    @Bean
    OpenApiCustomizer errorResponses() {
        return openApi -> {
            ModelConverters.getInstance().readAll(ApiErrorHandler.ApiError.class)
                    .forEach(openApi.getComponents()::addSchemas);
            ApiResponse error = new ApiResponse().description(ERRORS).content(new Content().addMediaType(
                    org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/ApiError"))));
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                if (!operation.getResponses().containsKey("default")) {
                    operation.getResponses().addApiResponse("default", error);
                }
            }));
        };
    }

    /** Any one of the three is enough; the auth filter only exists (and only then is a key needed) when enabled. */
    @Bean
    OpenApiCustomizer apiKey(ObjectProvider<AuthProperties> auth) {
        return openApi -> {
            AuthProperties properties = auth.getIfAvailable();
            if (properties == null) {
                return;
            }
            Components components = openApi.getComponents();
            components.addSecuritySchemes("HTTPBearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("bearer").description("The API key as a bearer token"));
            components.addSecuritySchemes("APIKeyHeader", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                    .in(SecurityScheme.In.HEADER).name("x-api-key").description("The API key"));
            components.addSecuritySchemes("XiAPIKeyHeader", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                    .in(SecurityScheme.In.HEADER).name("xi-api-key").description("The API key"));
            List<SecurityRequirement> anyKey = List.of(new SecurityRequirement().addList("HTTPBearer"),
                    new SecurityRequirement().addList("APIKeyHeader"),
                    new SecurityRequirement().addList("XiAPIKeyHeader"));
            openApi.getPaths().forEach((name, path) -> path.readOperations().forEach(operation ->
                    operation.setSecurity(properties.openPaths().contains(name) ? List.of() : anyKey)));
        };
    }
}
