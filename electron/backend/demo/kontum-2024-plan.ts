/**
 * The real indicator table of Kon Tum's 2024 plan (Kế hoạch triển khai Chương trình hành động
 * quốc gia vì trẻ em năm 2024, Phụ lục): goals, indicators, measures, units of measure,
 * targets for 2025 (phase end 2021–2025) and 2024, lead agencies. Texts as printed in the plan.
 */
import type { Direction, Rollup } from '../../../shared/domain/measure';

export interface DemoMeasure {
  name: string;
  unit: '%' | '‰' | '/100.000' | 'Xã' | 'Người';
  /** Targets as printed: [by 2025 (phase end), 2024]. */
  targets: [string, string];
  direction: Direction;
  rollup: Rollup;
}

export interface DemoIndicator {
  code: string;
  title: string;
  lead: string;
  measures: DemoMeasure[];
}

export interface DemoGoal {
  code: string;
  title: string;
  indicators: DemoIndicator[];
}

const LD = 'KT.SLDTBXH';
const YT = 'KT.SYT';
const GD = 'KT.SGDDT';

const up = (name: string, unit: DemoMeasure['unit'], t2025: string, t2024: string, rollup: Rollup = 'ratio'): DemoMeasure => ({
  name, unit, targets: [t2025, t2024], direction: 'at_least', rollup,
});
const down = (name: string, unit: DemoMeasure['unit'], t2025: string, t2024: string, rollup: Rollup = 'ratio'): DemoMeasure => ({
  name, unit, targets: [t2025, t2024], direction: 'at_most', rollup,
});

export const KONTUM_2024_PLAN = {
  number: '',
  title: 'Kế hoạch triển khai thực hiện Chương trình hành động quốc gia vì trẻ em trên địa bàn tỉnh Kon Tum năm 2024',
  issuerName: 'Ủy ban nhân dân tỉnh Kon Tum',
  issuedOn: null,
  yearFrom: 2024,
  yearTo: 2024,
  phaseEndYear: 2025,
};

export const KONTUM_PARENT_PLAN = {
  number: '2026/KH-UBND',
  title: 'Kế hoạch triển khai Chương trình hành động quốc gia vì trẻ em giai đoạn 2021-2030 trên địa bàn tỉnh Kon Tum',
  issuerName: 'Ủy ban nhân dân tỉnh Kon Tum',
  issuedOn: '2021-06-18',
  yearFrom: 2021,
  yearTo: 2030,
};

export const KONTUM_2024_GOALS: DemoGoal[] = [
  {
    code: 'I',
    title: 'Mục tiêu về phát triển toàn diện trẻ em, chăm sóc sức khỏe, dinh dưỡng cho trẻ em',
    indicators: [
      {
        code: '1', lead: LD,
        title: 'Tỷ lệ xã, phường, thị trấn đạt tiêu chuẩn phù hợp với trẻ em, duy trì đạt 58,82% (60 xã)',
        measures: [
          up('Số xã, phường, thị trấn đạt tiêu chuẩn phù hợp với trẻ em', 'Xã', '56', '60', 'sum'),
          up('Tỷ lệ xã, phường, thị trấn đạt tiêu chuẩn phù hợp với trẻ em', '%', '54,9', '58,82'),
        ],
      },
      {
        code: '2', lead: LD,
        title: 'Tỷ lệ trẻ em đến 8 tuổi được tiếp cận các dịch vụ hỗ trợ chăm sóc phát triển toàn diện đạt 89%',
        measures: [up('Tỷ lệ trẻ em đến 8 tuổi được tiếp cận các dịch vụ hỗ trợ chăm sóc phát triển toàn diện', '%', '90,0', '89,0')],
      },
      {
        code: '3', lead: YT,
        title: 'Giảm tỷ suất tử vong trẻ sơ sinh, trẻ em dưới 1 tuổi và trẻ em dưới 5 tuổi trên 1.000 trẻ đẻ sống',
        measures: [
          down('Giảm tỷ suất tử vong trẻ sơ sinh trên 1.000 trẻ đẻ sống', '‰', '9,5', '9,6', 'lead'),
          down('Giảm tỷ suất tử vong trẻ dưới 1 tuổi trên 1.000 trẻ đẻ sống', '‰', '32,5', '24,0', 'lead'),
          down('Giảm tỷ suất tử vong trẻ dưới 5 tuổi trên 1.000 trẻ đẻ sống', '‰', '51,0', '41,0', 'lead'),
        ],
      },
      {
        code: '4', lead: YT,
        title: 'Giảm tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể cân nặng theo tuổi xuống 16,8%; thể chiều cao theo tuổi xuống 28,8%',
        measures: [
          down('Giảm tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể cân nặng theo tuổi', '%', '17,0', '16,8'),
          down('Giảm tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể chiều cao theo tuổi', '%', '32,0', '28,8'),
        ],
      },
      {
        code: '5', lead: YT,
        title: 'Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ 8 loại vắc xin đạt 96%; trẻ em dưới 5 tuổi được tiêm chủng đầy đủ các loại vắc xin đạt 97%',
        measures: [
          up('Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ 08 loại vắc xin', '%', '97,0', '96,0', 'lead'),
          up('Tỷ lệ trẻ em dưới 5 tuổi được tiêm chủng đầy đủ các loại vắc xin', '%', '98,0', '97,0', 'lead'),
        ],
      },
      {
        code: '6', lead: YT,
        title: 'Tỷ lệ lây truyền HIV từ mẹ sang con là 2%',
        measures: [down('Tỷ lệ lây truyền HIV từ mẹ sang con', '%', '2,0', '2,0', 'lead')],
      },
      {
        code: '7', lead: GD,
        title: 'Phấn đấu 100% cơ sở giáo dục cho trẻ em có công trình vệ sinh đạt yêu cầu',
        measures: [up('Tỷ lệ cơ sở giáo dục cho trẻ em có công trình vệ sinh đạt yêu cầu', '%', '100', '100')],
      },
    ],
  },
  {
    code: 'II',
    title: 'Mục tiêu về bảo vệ trẻ em',
    indicators: [
      {
        code: '8', lead: LD,
        title: 'Giảm tỷ lệ trẻ em có hoàn cảnh đặc biệt trên tổng số trẻ em xuống dưới 3,2%; trẻ em có hoàn cảnh đặc biệt được chăm sóc, nuôi dưỡng, trợ giúp đạt 90%',
        measures: [
          down('Giảm tỷ lệ trẻ em có hoàn cảnh đặc biệt trên tổng số trẻ em', '%', '3,0', '3,2'),
          up('Tỷ lệ trẻ em có hoàn cảnh đặc biệt được chăm sóc, nuôi dưỡng, trợ giúp', '%', '90,0', '90,0'),
        ],
      },
      {
        code: '9', lead: 'KT.CA',
        title: 'Giảm tỷ lệ trẻ em bị xâm hại trên tổng số trẻ em xuống dưới 0,038%',
        measures: [down('Giảm tỷ lệ trẻ em bị xâm hại trên tổng số trẻ em', '%', '0,036', '0,038', 'lead')],
      },
      {
        code: '10', lead: LD,
        title: 'Phấn đấu duy trì không có lao động trẻ em và người chưa thành niên từ 5 đến 17 tuổi trên địa bàn tỉnh trái quy định của pháp luật',
        measures: [
          {
            name: 'Phấn đấu duy trì không có lao động trẻ em và người chưa thành niên từ 5-17 tuổi trên địa bàn tỉnh (lao động trái quy định của pháp luật)',
            unit: 'Người', targets: ['0', '0'], direction: 'equal', rollup: 'sum',
          },
        ],
      },
      {
        code: '11', lead: LD,
        title: 'Giảm tỷ suất trẻ em bị tai nạn thương tích xuống 512/100.000; giảm tỷ suất trẻ em bị tử vong do tai nạn thương tích xuống còn 16,4/100.000',
        measures: [
          down('Giảm tỷ xuất trẻ em bị tai nạn thương tích', '/100.000', '510/100.000', '512/100.000'),
          down('Giảm tỷ xuất trẻ em bị tử vong do tai nạn thương tích', '/100.000', '16/100.000', '16,4/100.000'),
        ],
      },
      {
        code: '12', lead: LD,
        title: 'Phấn đấu 100% trẻ em gặp thiên tai, thảm họa được cứu trợ, hỗ trợ kịp thời',
        measures: [up('Tỷ lệ trẻ em gặp thiên tai, thảm họa được cứu trợ, hỗ trợ kịp thời', '%', '100', '100')],
      },
      {
        code: '13', lead: 'KT.BDT',
        title: 'Từng bước xóa bỏ tình trạng tảo hôn, duy trì mức giảm số cuộc tảo hôn từ 2%-3%',
        measures: [
          {
            name: 'Từng bước xóa bỏ tình trạng tảo hôn, duy trì mức giảm số cuộc tảo hôn từ 2-3% hằng năm.',
            unit: '%', targets: ['2,0-3,0', '2,0-3,0'], direction: 'range', rollup: 'ratio',
          },
        ],
      },
      {
        code: '14', lead: 'KT.STP',
        title: 'Tỷ lệ trẻ em dưới 5 tuổi được đăng ký khai sinh đạt 98,5%',
        measures: [up('Tỷ lệ trẻ em dưới 5 tuổi được đăng ký khai sinh', '%', '98,5', '98,5')],
      },
    ],
  },
  {
    code: 'III',
    title: 'Mục tiêu về giáo dục, văn hóa, vui chơi, giải trí cho trẻ em',
    indicators: [
      {
        code: '15', lead: GD,
        title: 'Phấn đấu tỷ lệ trẻ em dưới 5 tuổi được phát triển phù hợp về sức khỏe, học tập và tâm lý xã hội đạt 98%',
        measures: [up('Tỷ lệ trẻ em dưới 5 tuổi được phát triển phù hợp về sức khỏe, học tập và tâm lý xã hội', '%', '99,1', '98,0')],
      },
      {
        code: '16', lead: GD,
        title: 'Tỷ lệ huy động trẻ em 3-5 tuổi đi học mẫu giáo đạt 95%',
        measures: [up('Tỷ lệ huy động trẻ em 3-5 tuổi đi học mẫu giáo', '%', '92,0', '95,0')],
      },
      {
        code: '17', lead: GD,
        title: 'Tỷ lệ trẻ em hoàn thành cấp tiểu học đạt 99,3%; phấn đấu giảm tỷ lệ trẻ em bỏ học cấp tiểu học dưới 0,20%',
        measures: [
          up('Tỷ lệ trẻ em hoàn thành cấp tiểu học', '%', '99,3', '99,3'),
          down('Tỷ lệ trẻ em bỏ học cấp tiểu học', '%', '0,20', '0,20'),
        ],
      },
      {
        code: '18', lead: GD,
        title: 'Tỷ lệ trẻ em hoàn thành cấp trung học cơ sở đạt 88%; phấn đấu giảm tỷ lệ trẻ em bỏ học cấp trung học cơ sở dưới 0,50%',
        measures: [
          up('Tỷ lệ trẻ em hoàn thành cấp trung học cơ sở', '%', '88,0', '88,0'),
          down('Tỷ lệ trẻ em bỏ học cấp trung học cơ sở', '%', '0,50', '0,50'),
        ],
      },
      {
        code: '19', lead: GD,
        title: 'Phấn đấu 95% trường học có hỗ trợ tâm lý trẻ em',
        measures: [
          up('Tỷ lệ trường học có hỗ trợ, tư vấn tâm lý trẻ em', '%', '95,0', '95,0'),
          up('Trong đó: Tỷ lệ trường học cấp THCS và THPT có hoạt động tuyên truyền cho học sinh về xóa bỏ các luật tục lạc hậu, không tảo hôn, hôn nhân cận huyết thống', '%', '100', '90,0'),
          up('Trong đó: Tỷ lệ trường học đảm bảo môi trường giáo dục an toàn, lành mạnh, thân thiện, phòng chống bạo lực học đường; bạo lực, xâm hại trẻ em', '%', '100', '100'),
          up('Trong đó: Tỷ lệ trường học cấp TH, THCS, THPT tham gia phối hợp với Tỉnh Đoàn thực hiện tiếp nhận, bàn giao học sinh về sinh hoạt hè tại địa phương', '%', '100', '100'),
          up('Trong đó: Duy trì các trường bán trú và dân tộc nội trú theo quy định', '%', '100', '100'),
          up('Trong đó: Tỷ lệ trường học cấp TH, THCS, THPT thực hiện lồng ghép, phát triển mô hình đối thoại học đường, thúc đẩy quyền tham gia của trẻ em trong trường học.', '%', '100', '80,0'),
        ],
      },
      {
        code: '20', lead: GD,
        title: 'Tỷ lệ trường học có cơ sở hạ tầng và tài liệu phù hợp với học sinh, sinh viên khuyết tật đạt 52%; tỷ lệ trẻ em khuyết tật có nhu cầu học tập được tiếp cận giáo dục chuyên biệt, giáo dục hòa nhập và hỗ trợ phục hồi chức năng phù hợp đạt 78%',
        measures: [
          up('Tỷ lệ trường học có cơ sở hạ tầng và tài liệu phù hợp với học sinh, sinh viên khuyết tật.', '%', '55,0', '52,0'),
          up('Tỷ lệ trẻ em khuyết tật có nhu cầu học tập được tiếp cận giáo dục chuyên biệt, giáo dục hòa nhập và hỗ trợ phục hồi chức năng phù hợp.', '%', '80,0', '78,0'),
        ],
      },
      {
        code: '21', lead: 'KT.SVHTTDL',
        title: 'Phấn đấu tỷ lệ các xã, phường, thị trấn có điểm văn hóa, vui chơi dành cho trẻ em đạt 38%',
        measures: [up('Tỷ lệ xã, phường, thị trấn có điểm văn hóa, vui chơi dành cho trẻ em.', '%', '40,0', '38,0')],
      },
    ],
  },
  {
    code: 'IV',
    title: 'Mục tiêu về sự tham gia của trẻ em vào các vấn đề về trẻ em',
    indicators: [
      {
        code: '22', lead: 'KT.TD',
        title: 'Phấn đấu tỷ lệ trẻ em từ 07 tuổi trở lên được hỏi ý kiến về các vấn đề của trẻ em với các hình thức phù hợp đạt 28%',
        measures: [up('Tỷ lệ trẻ em từ 7 tuổi trở lên được hỏi ý kiến về các vấn đề của trẻ em với các hình thức phù hợp.', '%', '30,0', '28,0')],
      },
      {
        code: '23', lead: 'KT.TD',
        title: 'Phấn đấu tỷ lệ trẻ em được nâng cao nhận thức, năng lực về quyền tham gia của trẻ em đạt 82%',
        measures: [up('Tỷ lệ trẻ em được tập huấn, bồi dưỡng nâng cao nhận thức, năng lực về quyền tham gia của trẻ em.', '%', '85,0', '82,0')],
      },
      {
        code: '24', lead: 'KT.TD',
        title: 'Tỷ lệ trẻ em từ 11 tuổi trở lên được tham gia vào các mô hình, hoạt động thúc đẩy quyền tham gia của trẻ em đạt 28%',
        measures: [up('Tỷ lệ trẻ em từ 11 tuổi trở lên được tham gia vào các Mô hình, hoạt động thúc đẩy quyền tham gia của trẻ em.', '%', '30,0', '28,0')],
      },
    ],
  },
];
