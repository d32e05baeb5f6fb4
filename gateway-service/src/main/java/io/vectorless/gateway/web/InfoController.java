package io.vectorless.gateway.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

@RestController
class InfoController {

    @GetMapping("/health")
    @ApiResponse(responseCode = "200", description = "The gateway is up",
            content = @Content(schema = @Schema(implementation = ApiSchemas.Health.class)))
    Map<String, String> health() {
        return Map.of("status", "healthy");
    }

    @GetMapping("/")
    @ApiResponse(responseCode = "200", description = "Service name and version",
            content = @Content(schema = @Schema(implementation = ApiSchemas.ServiceInfo.class)))
    Map<String, String> info() {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("name", "Vectorless RAG Backend");
        info.put("version", "1.1.0");
        return info;
    }
}
