package io.vectorless.gateway.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

@RestController
class InfoController {

    @GetMapping("/health")
    Map<String, String> health() {
        return Map.of("status", "healthy");
    }

    @GetMapping("/")
    Map<String, String> info() {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("name", "Vectorless RAG Backend");
        info.put("version", "1.1.0");
        return info;
    }
}
