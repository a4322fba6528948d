package dev.tandem.launcher.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResidentMemoryTest {

    @Test
    void readsVmRssInMebibytes() {
        List<String> status = List.of("Name:\tjava", "VmPeak:\t 9999999 kB", "VmHWM:\t  800000 kB",
                "VmRSS:\t  524800 kB", "Threads:\t42");

        assertThat(ResidentMemory.vmRssMb(status)).as("VmRSS, not the peak or high-water mark").isEqualTo(512);
    }

    @Test
    void withoutVmRssItIsUnknown() {
        assertThat(ResidentMemory.vmRssMb(List.of("Name:\tkthreadd", "State:\tS (sleeping)"))).isEqualTo(-1);
        assertThat(ResidentMemory.ofProcessMb(Long.MAX_VALUE)).as("no such process").isEqualTo(-1);
    }
}
